package io.cityops.jobs.detection.traffic;

import io.cityops.model.city.RoadSegment;

/**
 * One minute of one road segment as its two detectors reported it, collected until the watermark
 * passes the minute. Either detector may be missing (null).
 */
public record SegmentMinute(long minuteStart, DetectorMinute upstream, DetectorMinute downstream) {

    public static SegmentMinute empty(long minuteStart) {
        return new SegmentMinute(minuteStart, null, null);
    }

    /**
     * This minute with a detector's sums added on its side of the segment; a detector that is
     * neither the segment's upstream nor its downstream one changes nothing.
     */
    public SegmentMinute with(DetectorMinute m, RoadSegment segment) {
        if (m.sensorId().equals(segment.upstreamSensorId())) {
            return new SegmentMinute(minuteStart, merge(upstream, m), downstream);
        }
        if (m.sensorId().equals(segment.downstreamSensorId())) {
            return new SegmentMinute(minuteStart, upstream, merge(downstream, m));
        }
        return this;
    }

    private static DetectorMinute merge(DetectorMinute a, DetectorMinute b) {
        if (a == null) {
            return b;
        }
        return new DetectorMinute(
                a.segmentId(),
                a.sensorId(),
                a.minuteStart(),
                a.speedSum() + b.speedSum(),
                a.speedCount() + b.speedCount(),
                a.occupancySum() + b.occupancySum(),
                a.occupancyCount() + b.occupancyCount(),
                a.vehicles() + b.vehicles());
    }

    public double upstreamOccupancyPct() {
        return upstream == null ? Double.NaN : upstream.meanOccupancyPct();
    }

    public double downstreamOccupancyPct() {
        return downstream == null ? Double.NaN : downstream.meanOccupancyPct();
    }

    public double upstreamSpeedKmh() {
        return upstream == null ? Double.NaN : upstream.meanSpeedKmh();
    }

    public double downstreamSpeedKmh() {
        return downstream == null ? Double.NaN : downstream.meanSpeedKmh();
    }

    double speedSum() {
        return (upstream == null ? 0 : upstream.speedSum())
                + (downstream == null ? 0 : downstream.speedSum());
    }

    long speedCount() {
        return (upstream == null ? 0 : upstream.speedCount())
                + (downstream == null ? 0 : downstream.speedCount());
    }

    double occupancySum() {
        return (upstream == null ? 0 : upstream.occupancySum())
                + (downstream == null ? 0 : downstream.occupancySum());
    }

    long occupancyCount() {
        return (upstream == null ? 0 : upstream.occupancyCount())
                + (downstream == null ? 0 : downstream.occupancyCount());
    }
}
