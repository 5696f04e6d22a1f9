package io.cityops.opscenter.security;

import io.cityops.ingest.registry.SensorDirectory;
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
import java.util.function.Consumer;

/**
 * Who may do what at the MQTT broker: each sensor in service publishes only to its own topic, each
 * field unit subscribes only to its own alerts and publishes only its own acks, and two service
 * accounts carry the platform's side. Device accounts come from a {@link SensorDirectory}: the city
 * model, or the live registry, so that a sensor added there may log in at once and a retired one no
 * longer can. The embedded broker enforces it directly; for Mosquitto it becomes a password and an
 * ACL file ({@link MosquittoFiles}), written from the sensors of that moment.
 */
public final class BrokerPolicy {
    public static final String INGEST_USER = "cityops-ingest";
    public static final String DISPATCHER_USER = "cityops-dispatcher";

    /** The services and the field units: fixed while running. */
    private final Map<String, Principal> fixed = new LinkedHashMap<>();

    private final SensorDirectory devices;

    /** Accounts for the city model's sensors, fixed. */
    public BrokerPolicy(CityModel city) {
        this(city, SensorDirectory.of(city));
    }

    /**
     * @param city the field units (and the province) the accounts are for
     * @param devices the sensors in service: one device account each, looked up at every login
     */
    public BrokerPolicy(CityModel city, SensorDirectory devices) {
        this.devices = devices;
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
        for (FieldUnit u : city.fieldUnits()) {
            add(
                    new Principal(
                            checkedId(u.id()),
                            Role.FIELD_UNIT,
                            List.of(
                                    Grant.subscribe(Topics.unitAlerts(u.id())),
                                    Grant.publish(Topics.unitAcks(u.id())))));
        }
        // The sensors known at start must not clash with a service or unit, nor with each other.
        Map<String, Sensor> seen = new LinkedHashMap<>();
        for (Sensor s : devices.sensors()) {
            checkedId(s.id());
            if (fixed.containsKey(s.id()) || seen.put(s.id(), s) != null) {
                throw new IllegalArgumentException(
                        "'" + s.id() + "' names two MQTT accounts; ids must be unique");
            }
        }
    }

    // An id with a wildcard or level separator would turn a grant for one topic into a grant for
    // many; an id used twice would give two accounts one password.
    private static String checkedId(String id) {
        if (!usableId(id)) {
            throw new IllegalArgumentException(
                    "id '" + id + "' cannot be an MQTT account: no '/', '+' or '#' allowed");
        }
        return id;
    }

    private static boolean usableId(String id) {
        return !id.isEmpty() && !id.contains("/") && !id.contains("+") && !id.contains("#");
    }

    private void add(Principal p) {
        if (fixed.putIfAbsent(p.username(), p) != null) {
            throw new IllegalArgumentException(
                    "'" + p.username() + "' names two MQTT accounts; ids must be unique");
        }
    }

    /**
     * The account of this user name as of now: a service or unit, else the sensor in service with
     * this id (services and units win a clash with a sensor added later).
     */
    public Optional<Principal> principal(String username) {
        Principal p = fixed.get(username);
        if (p != null) {
            return Optional.of(p);
        }
        return devices.sensor(username).filter(s -> usableId(s.id())).map(BrokerPolicy::device);
    }

    private static Principal device(Sensor s) {
        return new Principal(
                s.id(), Role.DEVICE, List.of(Grant.publish(Topics.sensor(s.domain(), s.id()))));
    }

    /**
     * Calls {@code revoke} with a device's id when the registry retires it or moves it to another
     * domain, i.e. when the grants it logged in with are no longer its own; the broker then ends
     * its connection. The returned handle stops the calls.
     */
    public AutoCloseable onDeviceRevoked(Consumer<String> revoke) {
        return devices.subscribe(
                (id, before, after) -> {
                    if (before.isPresent()
                            && !fixed.containsKey(id)
                            && (after.isEmpty() || after.get().domain() != before.get().domain())) {
                        revoke.accept(id);
                    }
                });
    }

    /** Every account: the services first, then the sensors in service, then the field units. */
    public List<Principal> principals() {
        List<Principal> all = new ArrayList<>();
        List<Principal> units = new ArrayList<>();
        for (Principal p : fixed.values()) {
            (p.role() == Role.FIELD_UNIT ? units : all).add(p);
        }
        for (Sensor s : devices.sensors()) {
            if (usableId(s.id()) && !fixed.containsKey(s.id())) {
                all.add(device(s));
            }
        }
        all.addAll(units);
        return all;
    }
}
