package io.cityops.jobs.detection.health;

import io.cityops.model.city.Sensor;
import java.util.HashMap;
import java.util.Map;

/**
 * What the health detectors remember of one sensor (keyed state; a Flink POJO, mutated in place and
 * written back once per reading).
 */
public class SensorHealthState {
    /** The sensor as the newest reading's registry entry described it. */
    public Sensor sensor;

    /** Event time of the newest reading taken into account for stuck and burst checks. */
    public long lastTs = Long.MIN_VALUE;

    /** Newest event time seen at all, for the time a silence started. */
    public long lastSeen = Long.MIN_VALUE;

    /** Previous value of each metric. */
    public Map<String, Double> lastValues = new HashMap<>();

    /** How many consecutive readings carried the previous value of each metric. */
    public Map<String, Integer> repeats = new HashMap<>();

    /** Event times of the newest implausible jumps, oldest first. */
    public long[] bursts = new long[0];

    public boolean stuckRaised;
    public boolean burstRaised;
    public boolean silentRaised;

    /** Processing time the silence timer is due, 0 when none is set. */
    public long silenceDue;

    /** Processing time a silent sensor's state is dropped, 0 when none is set. */
    public long forgetDue;

    public SensorHealthState() {}
}
