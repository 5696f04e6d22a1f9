package io.cityops.simulator.device;

import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.Topics;
import io.cityops.model.city.Sensor;
import io.cityops.simulator.incidents.ActiveIncident;
import io.cityops.simulator.values.Supply;
import io.cityops.simulator.values.ValueModel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One simulated field device without its network link: asks its value model for the instant's
 * values, lets a running incident reshape them (or cut the supply), and numbers what it sends.
 */
public final class SimulatedDevice {
    private final Sensor sensor;
    private final ValueModel model;
    private final String topic;
    private long seq;

    public SimulatedDevice(Sensor sensor, ValueModel model) {
        this.sensor = sensor;
        this.model = model;
        this.topic = Topics.sensor(sensor.domain(), sensor.id());
    }

    public Sensor sensor() {
        return sensor;
    }

    /** The only topic this device publishes to. */
    public String topic() {
        return topic;
    }

    /** The reading the device sends at {@code t}, or empty when it is silent. */
    public Optional<Reading> next(Instant t, Optional<ActiveIncident> incident) {
        Duration elapsed = incident.map(a -> a.elapsed(t)).orElse(Duration.ZERO);
        Supply supply = incident.map(a -> a.incident().supply(sensor, elapsed)).orElse(Supply.ON);
        Optional<Map<Metric, Double>> values = model.next(t, supply);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        Map<Metric, Double> v = values.get();
        if (incident.isPresent() && supply == Supply.ON) {
            v = incident.get().incident().adjust(sensor, elapsed, v);
        }
        return Optional.of(
                new Reading(
                        sensor.id(), sensor.domain(), t.toEpochMilli(), seq++, WireValues.of(v)));
    }
}
