package io.cityops.jobs.detection.traffic;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Metric;
import io.cityops.model.Reading;

/**
 * The running sums of one traffic detector's readings within one minute: the accumulator of the
 * per-detector tumbling window. Mutable on purpose (a Flink POJO with public fields), so adding a
 * reading allocates nothing.
 */
public class MinuteSums {
    /** The road segment the detector watches (the sensor's subject). */
    public String segmentId;

    public double speedSum;
    public long speedCount;
    public double occupancySum;
    public long occupancyCount;
    public double vehicles;

    public MinuteSums() {}

    /**
     * Adds a reading's speed, occupancy and count. A speed reported with a vehicle count of zero is
     * left out: with no vehicle over the loop, the speed is a placeholder, not a measurement.
     */
    public void add(SensorReading r) {
        segmentId = r.subjectId();
        Reading reading = r.reading();
        double count = reading.value(Metric.VEHICLE_COUNT);
        double speed = reading.value(Metric.SPEED_KMH);
        if (Double.isFinite(speed) && !(count == 0)) {
            speedSum += speed;
            speedCount++;
        }
        double occupancy = reading.value(Metric.OCCUPANCY);
        if (Double.isFinite(occupancy)) {
            occupancySum += occupancy;
            occupancyCount++;
        }
        if (Double.isFinite(count)) {
            vehicles += count;
        }
    }

    public void addAll(MinuteSums o) {
        if (segmentId == null) {
            segmentId = o.segmentId;
        }
        speedSum += o.speedSum;
        speedCount += o.speedCount;
        occupancySum += o.occupancySum;
        occupancyCount += o.occupancyCount;
        vehicles += o.vehicles;
    }
}
