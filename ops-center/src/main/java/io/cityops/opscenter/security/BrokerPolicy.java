package io.cityops.opscenter.security;

import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.FieldUnit;
import io.cityops.model.city.Sensor;
import io.cityops.opscenter.security.Principal.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may do what at the MQTT broker, derived from the city model: each sensor publishes only to
 * its own topic, each field unit subscribes only to its own alerts and publishes only its own acks,
 * and two service accounts carry the platform's side. The embedded broker enforces it directly; for
 * Mosquitto it becomes a password and an ACL file ({@link MosquittoFiles}).
 */
public final class BrokerPolicy {
    public static final String INGEST_USER = "cityops-ingest";
    public static final String DISPATCHER_USER = "cityops-dispatcher";

    private final Map<String, Principal> principals = new LinkedHashMap<>();

    public BrokerPolicy(CityModel city) {
        add(
                new Principal(
                        INGEST_USER,
                        Role.INGEST,
                        List.of(Grant.subscribe(Topics.SENSOR_TOPIC_ROOT + "/#"))));
        add(
                new Principal(
                        DISPATCHER_USER,
                        Role.DISPATCHER,
                        List.of(
                                Grant.publish(Topics.unitAlerts("+")),
                                Grant.subscribe(Topics.unitAcks("+")))));
        for (Sensor s : city.sensors()) {
            add(
                    new Principal(
                            checkedId(s.id()),
                            Role.DEVICE,
                            List.of(Grant.publish(Topics.sensor(s.domain(), s.id())))));
        }
        for (FieldUnit u : city.fieldUnits()) {
            add(
                    new Principal(
                            checkedId(u.id()),
                            Role.FIELD_UNIT,
                            List.of(
                                    Grant.subscribe(Topics.unitAlerts(u.id())),
                                    Grant.publish(Topics.unitAcks(u.id())))));
        }
    }

    // An id with a wildcard or level separator would turn a grant for one topic into a grant for
    // many; an id used twice would give two accounts one password.
    private static String checkedId(String id) {
        if (id.isEmpty() || id.contains("/") || id.contains("+") || id.contains("#")) {
            throw new IllegalArgumentException(
                    "id '" + id + "' cannot be an MQTT account: no '/', '+' or '#' allowed");
        }
        return id;
    }

    private void add(Principal p) {
        if (principals.putIfAbsent(p.username(), p) != null) {
            throw new IllegalArgumentException(
                    "'" + p.username() + "' names two MQTT accounts; ids must be unique");
        }
    }

    public Optional<Principal> principal(String username) {
        return Optional.ofNullable(principals.get(username));
    }

    /** Every account: the services first, then the sensors, then the field units. */
    public List<Principal> principals() {
        return new ArrayList<>(principals.values());
    }
}
