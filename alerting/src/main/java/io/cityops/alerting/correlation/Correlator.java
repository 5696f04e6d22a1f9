package io.cityops.alerting.correlation;

import io.cityops.alerting.routing.RoutingRule;
import io.cityops.model.Alert;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.io.Serializable;
import java.util.Optional;

/**
 * Decides from the city model which alerts may be one incident (DOMAIN.md): every alert on a
 * transformer or on one of its meters (a meter's {@link Sensor#subjectId()} is its transformer),
 * every fire alert in one forest zone, every water alert on one river. A pure function of the alert
 * id, so signals and commands for one alert always reach the same group.
 */
public final class Correlator implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Alert types on a transformer that mean its meters are dark. */
    public static final String OUTAGE_PREFIX = "power.outage";

    public static final String FIRE_PREFIX = "forest.fire";
    public static final String WATER_PREFIX = "water.";

    private final CityModel city;

    public Correlator(CityModel city) {
        this.city = city;
    }

    /** The group of an alert id ({@code type:subject}). */
    public CorrelationGroup groupOf(String alertId) {
        int colon = alertId.indexOf(':');
        if (colon < 0) {
            return alone(alertId);
        }
        return groupOf(alertId, alertId.substring(0, colon), alertId.substring(colon + 1));
    }

    public CorrelationGroup groupOf(String alertId, String type, String subject) {
        Optional<Sensor> sensor = city.sensor(subject);
        if (city.transformer(subject).isPresent()) {
            return new CorrelationGroup("power:" + subject, CorrelationMode.ROOT_ABSORBS, subject);
        }
        if (sensor.isPresent() && isMeter(sensor.get().kind())) {
            String transformer = sensor.get().subjectId();
            if (city.transformer(transformer).isPresent()) {
                return new CorrelationGroup(
                        "power:" + transformer, CorrelationMode.ROOT_ABSORBS, transformer);
            }
        }
        if (RoutingRule.typeMatches(type, FIRE_PREFIX)) {
            String zone = sensor.map(Sensor::subjectId).orElse(subject);
            if (city.zone(zone).isPresent()) {
                return new CorrelationGroup("fire:" + zone, CorrelationMode.FIRST_ABSORBS, null);
            }
        }
        if (type.startsWith(WATER_PREFIX)) {
            String station = sensor.map(Sensor::subjectId).orElse(subject);
            Optional<RiverStation> rs = city.riverStation(station);
            if (rs.isPresent()) {
                return new CorrelationGroup(
                        "river:" + rs.get().river(), CorrelationMode.LINK, null);
            }
        }
        return alone(alertId);
    }

    /** Whether {@code a} may be the incident of its group, absorbing others. */
    public boolean mayAbsorb(CorrelationGroup g, Alert a) {
        return switch (g.mode()) {
            case ROOT_ABSORBS ->
                    a.subjectId().equals(g.rootSubject())
                            && RoutingRule.typeMatches(a.type(), OUTAGE_PREFIX);
            case FIRST_ABSORBS -> true;
            case LINK, NONE -> false;
        };
    }

    private static boolean isMeter(SensorKind kind) {
        return kind == SensorKind.CUSTOMER_METER || kind == SensorKind.TRANSFORMER_METER;
    }

    private static CorrelationGroup alone(String alertId) {
        return new CorrelationGroup("alert:" + alertId, CorrelationMode.NONE, null);
    }
}
