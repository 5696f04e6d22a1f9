package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.Sensor;
import io.cityops.simulator.values.Supply;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A scripted incident: a fixed-length story told through the readings of a few sensors, as a
 * function of the time elapsed since it started and of what each sensor would report otherwise.
 * Most are pure functions of those; a few remember, per sensor, what they made it send before (a
 * frozen frame, the rain since the previous report), so one instance tells its story once, to
 * readings in time order.
 */
public interface Incident {

    IncidentKind kind();

    /**
     * What happens where, for the operator log, e.g. "river flood at Mường Tè (rs-107-muongte)
     * rising to level II".
     */
    String description();

    /** How long from start until every affected sensor is back to normal. */
    Duration duration();

    /** The sensors whose readings this incident changes. */
    Set<String> sensorIds();

    /** An affected sensor's values {@code elapsed} into the incident, given its normal values. */
    Map<Metric, Double> adjust(Sensor sensor, Duration elapsed, Map<Metric, Double> normal);

    /** Whether the sensor has power {@code elapsed} into the incident. */
    default Supply supply(Sensor sensor, Duration elapsed) {
        return Supply.ON;
    }

    /** A faster reporting interval the sensor switches to while the incident lasts (alarm mode). */
    default Optional<Duration> reportEvery(Sensor sensor) {
        return Optional.empty();
    }
}
