package io.cityops.simulator.incidents;

import io.cityops.model.Metric;
import io.cityops.model.city.RoadSegment;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A road blocked by a crash: on the segment, the upstream detector sees a queue (occupancy near 50
 * %, speed collapsing) while the downstream one empties (occupancy and count down 80 %, speed up to
 * free flow) — the upstream/downstream occupancy split the California algorithm looks for. A
 * neighbouring segment of the same district is merely congested: both its detectors slow down and
 * fill up alike, so it shows congestion but no incident. One minute to build, five held, 90 s to
 * clear.
 */
public final class TrafficBlockage implements Incident {
    private static final double RISE_S = 60;
    private static final double CLEAR_FROM_S = 360;
    private static final double CLEAR_OVER_S = 90;

    private final RoadSegment segment;
    private final RoadSegment neighbour;

    public TrafficBlockage(RoadSegment segment, RoadSegment neighbour) {
        this.segment = segment;
        this.neighbour = neighbour;
    }

    public RoadSegment segment() {
        return segment;
    }

    /** The segment that is only congested. */
    public RoadSegment neighbour() {
        return neighbour;
    }

    @Override
    public IncidentKind kind() {
        return IncidentKind.TRAFFIC_BLOCKAGE;
    }

    @Override
    public String description() {
        return "traffic blockage on "
                + segment.name()
                + " ("
                + segment.id()
                + "), neighbour "
                + neighbour.name()
                + " ("
                + neighbour.id()
                + ") congested";
    }

    @Override
    public Duration duration() {
        return Duration.ofSeconds((long) (CLEAR_FROM_S + CLEAR_OVER_S));
    }

    @Override
    public Set<String> sensorIds() {
        return Set.of(
                segment.upstreamSensorId(), segment.downstreamSensorId(),
                neighbour.upstreamSensorId(), neighbour.downstreamSensorId());
    }

    @Override
    public Map<Metric, Double> adjust(Sensor sensor, Duration elapsed, Map<Metric, Double> normal) {
        double r = Shape.envelope(Shape.seconds(elapsed), RISE_S, CLEAR_FROM_S, CLEAR_OVER_S);
        double occupancy = normal.get(Metric.OCCUPANCY);
        double speed = normal.get(Metric.SPEED_KMH);
        double count = normal.get(Metric.VEHICLE_COUNT);
        Map<Metric, Double> m = new HashMap<>(normal);
        if (sensor.id().equals(segment.upstreamSensorId())) {
            m.put(Metric.OCCUPANCY, Shape.lerp(occupancy, 45 + 0.5 * occupancy, r));
            m.put(Metric.SPEED_KMH, speed * (1 - 0.85 * r));
            m.put(Metric.VEHICLE_COUNT, Math.rint(count * (1 - 0.6 * r)));
        } else if (sensor.id().equals(segment.downstreamSensorId())) {
            m.put(Metric.OCCUPANCY, occupancy * (1 - 0.8 * r));
            m.put(
                    Metric.SPEED_KMH,
                    Shape.lerp(
                            speed,
                            Math.max(speed, 0.85 * segment.freeFlowKmh() + 0.15 * speed),
                            r));
            m.put(Metric.VEHICLE_COUNT, Math.rint(count * (1 - 0.8 * r)));
        } else {
            m.put(Metric.OCCUPANCY, Shape.lerp(occupancy, 22 + 0.6 * occupancy, r));
            m.put(Metric.SPEED_KMH, speed * (1 - 0.55 * r));
        }
        return m;
    }
}
