package io.cityops.jobs.detection.traffic;

import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Signal;
import io.cityops.model.city.RoadSegment;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The traffic detectors of one road segment, one event-time minute at a time: the California
 * incident test on the minute, the congestion classifier on the window ending with it, and the
 * minute's {@code traffic.segment} aggregate. Pure: the Flink operator keeps the state and the
 * clock.
 */
public final class SegmentTraffic implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String AGGREGATE_KIND = "traffic.segment";
    static final long MINUTE_MS = 60_000;

    /** DOCCTD looks back 2 minutes, or 3 when the 2nd is missing: keep at least 4 minutes. */
    private static final int INCIDENT_HISTORY_MINUTES = 4;

    private final RoadSegment segment;
    private final TrafficParams params;
    private final CongestionClassifier congestion;
    private final CaliforniaIncident incident;

    public SegmentTraffic(RoadSegment segment, TrafficParams params) {
        this.segment = segment;
        this.params = params;
        this.congestion = new CongestionClassifier(segment, params);
        this.incident = new CaliforniaIncident(segment, params);
    }

    public RoadSegment segment() {
        return segment;
    }

    public TrafficParams params() {
        return params;
    }

    /** What one minute gives: the state to keep, the signals in order, and the aggregate. */
    public record Step(SegmentState state, List<Signal> signals, Optional<Aggregate> aggregate) {}

    /**
     * Takes the minute starting at {@code minuteStart}, with what the detectors reported in it, or
     * null when neither did (the window still slides over the minutes before).
     */
    public Step onMinute(SegmentState s, long minuteStart, SegmentMinute minute) {
        long end = minuteStart + MINUTE_MS;
        int depth = Math.max(params.windowMinutes(), INCIDENT_HISTORY_MINUTES);
        RecentMinutes recent = s.recent().since(minuteStart - (depth - 1) * MINUTE_MS);
        List<Signal> signals = new ArrayList<>(2);

        double up = minute == null ? Double.NaN : minute.upstreamOccupancyPct();
        double down = minute == null ? Double.NaN : minute.downstreamOccupancyPct();
        CaliforniaIncident.Step incidentStep;
        if (Double.isNaN(up) || Double.isNaN(down)) {
            incidentStep = incident.onMissingMinute(s.incident());
        } else {
            OccupancyTests tests =
                    OccupancyTests.of(up, down, earlierDownstream(recent, minuteStart));
            incidentStep = incident.onMinute(s.incident(), minuteStart, end, tests);
        }
        incidentStep.signal().ifPresent(signals::add);

        if (minute != null) {
            recent = recent.with(minute);
        }
        long windowFrom = minuteStart - (params.windowMinutes() - 1) * MINUTE_MS;
        WindowStats window = recent.stats(windowFrom, segment.freeFlowKmh());
        CongestionClassifier.Step congestionStep = congestion.onSlide(s.congestion(), end, window);
        congestionStep.signal().ifPresent(signals::add);

        SegmentState next = new SegmentState(recent, congestionStep.state(), incidentStep.state());
        Optional<Aggregate> aggregate =
                minute == null ? Optional.empty() : aggregate(minuteStart, minute);
        return new Step(next, signals, aggregate);
    }

    /**
     * Forgets the segment after {@code params.forgetAfter()} without any reported minute: a CLEAR
     * with {@code reason=no-data} for the congestion and the incident raised (congestion first),
     * stamped {@code eventTime}. The state to keep afterwards is nothing ({@link
     * SegmentState#INITIAL}).
     */
    public List<Signal> forget(SegmentState s, long eventTime) {
        List<Signal> signals = new ArrayList<>(2);
        congestion.forget(s.congestion(), eventTime).ifPresent(signals::add);
        incident.forget(s.incident(), eventTime).ifPresent(signals::add);
        return signals;
    }

    /**
     * The downstream occupancy DOCCTD compares with: two minutes back, or three when that minute is
     * missing, so one lost minute does not blind the temporal test; NaN when neither is known.
     */
    static double earlierDownstream(RecentMinutes recent, long minuteStart) {
        double d = recent.downstreamAt(minuteStart - 2 * MINUTE_MS);
        return Double.isNaN(d) ? recent.downstreamAt(minuteStart - 3 * MINUTE_MS) : d;
    }

    /**
     * The minute's {@code traffic.segment} aggregate: pooled speed ratio and occupancy, the
     * travel-time index, and the level those fall in (no hysteresis here).
     */
    Optional<Aggregate> aggregate(long minuteStart, SegmentMinute m) {
        RecentMinutes one = RecentMinutes.EMPTY.with(m);
        WindowStats w = one.stats(minuteStart, segment.freeFlowKmh());
        if (w.empty()) {
            return Optional.empty();
        }
        Map<String, Double> values = new HashMap<>();
        if (Double.isFinite(w.speedRatio())) {
            values.put("speedRatio", w.speedRatio());
        }
        if (Double.isFinite(w.occupancyPct())) {
            values.put("occupancy", w.occupancyPct());
        }
        double tti =
                travelTimeIndex(
                        m.upstreamSpeedKmh(), m.downstreamSpeedKmh(), segment.freeFlowKmh());
        if (Double.isFinite(tti)) {
            values.put("travelTimeIndex", tti);
        }
        return Optional.of(
                new Aggregate(
                        AGGREGATE_KIND,
                        segment.id(),
                        Domain.TRAFFIC,
                        segment.districtId(),
                        "1m",
                        minuteStart,
                        values,
                        Map.of(
                                "level",
                                CongestionLevel.of(w.speedRatio(), w.occupancyPct(), params)
                                        .label())));
    }

    /**
     * Free-flow travel time over current travel time (1 at free flow, towards 0 as traffic stops).
     * Each detector's mean speed is taken to hold over its half of the segment, so a queue at one
     * end weighs as it does on the clock; with one detector silent the other speaks for the whole
     * segment. NaN when neither reported a speed.
     */
    static double travelTimeIndex(double upstreamKmh, double downstreamKmh, double freeFlowKmh) {
        boolean hasUp = Double.isFinite(upstreamKmh);
        boolean hasDown = Double.isFinite(downstreamKmh);
        if (!hasUp && !hasDown) {
            return Double.NaN;
        }
        double up = hasUp ? upstreamKmh : downstreamKmh;
        double down = hasDown ? downstreamKmh : upstreamKmh;
        if (up <= 0 || down <= 0) {
            return 0;
        }
        // Time per km at free flow over time per km now: (1/vff) / ((1/vU + 1/vD) / 2).
        return 2 / (freeFlowKmh * (1 / up + 1 / down));
    }
}
