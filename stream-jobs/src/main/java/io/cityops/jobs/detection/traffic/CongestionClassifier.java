package io.cityops.jobs.detection.traffic;

import io.cityops.model.Domain;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.RoadSegment;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The congestion detector of one road segment (DOMAIN.md, "Traffic"), one slide of the window at a
 * time. A segment is raised when its window is congested or jammed on {@code confirmSlides}
 * consecutive slides, updated when it moves between congested and jammed for as many slides, and
 * cleared when it is free or slow for as many slides. A level is left only once the ratio has
 * passed its boundary by {@code clearMargin} (and a jam caused by occupancy only once the occupancy
 * is {@code jamOccupancyClearMarginPct} below its boundary), so a window hovering at a boundary
 * raises once.
 */
public final class CongestionClassifier implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "traffic.congestion";

    /** The {@code reason} attribute of a CLEAR sent because the segment stopped reporting. */
    public static final String NO_DATA = "no-data";

    private final RoadSegment segment;
    private final TrafficParams params;

    public CongestionClassifier(RoadSegment segment, TrafficParams params) {
        this.segment = Objects.requireNonNull(segment, "segment");
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The outcome of one slide: the state to keep and the signal to emit, if any. */
    public record Step(CongestionState state, Optional<Signal> signal) {}

    /**
     * Takes the window ending with the minute that ends at {@code eventTime}. An empty window
     * changes nothing.
     */
    public Step onSlide(CongestionState state, long eventTime, WindowStats window) {
        if (window.empty()) {
            return new Step(state, Optional.empty());
        }
        CongestionLevel observed =
                CongestionLevel.of(window.speedRatio(), window.occupancyPct(), params);
        CongestionLevel candidate = alarmLevel(observed);
        CongestionLevel raised = state.raised();
        if (candidate.compareTo(raised) < 0) {
            // Leaving a level needs the ratio (and the occupancy) past its boundary by the margin
            // (hysteresis).
            CongestionLevel sticky =
                    alarmLevel(
                            CongestionLevel.of(
                                    window.speedRatio() - params.clearMargin(),
                                    window.occupancyPct() + params.jamOccupancyClearMarginPct(),
                                    params));
            candidate = sticky.compareTo(candidate) > 0 ? min(sticky, raised) : candidate;
        }
        int side = Integer.signum(candidate.compareTo(raised));
        if (side == 0) {
            return new Step(new CongestionState(raised, 0), Optional.empty());
        }
        int streak = Integer.signum(state.streak()) == side ? state.streak() + side : side;
        if (Math.abs(streak) < params.confirmSlides()) {
            return new Step(new CongestionState(raised, streak), Optional.empty());
        }
        CongestionState next = new CongestionState(candidate, 0);
        return new Step(next, Optional.of(signal(raised, candidate, observed, eventTime, window)));
    }

    /**
     * Clears a raised level because the segment has reported nothing for {@code
     * params.forgetAfter()}: a CLEAR with {@code reason=no-data}, or nothing when none is raised.
     */
    public Optional<Signal> forget(CongestionState state, long eventTime) {
        if (!state.isRaised()) {
            return Optional.empty();
        }
        Map<String, String> a = new LinkedHashMap<>();
        a.put("level", "unknown");
        a.put("previousLevel", state.raised().label());
        a.put("reason", NO_DATA);
        a.put("silentFor", params.forgetAfter().toMinutes() + "m");
        return Optional.of(
                new Signal(
                        TYPE,
                        segment.id(),
                        Domain.TRAFFIC,
                        SignalAction.CLEAR,
                        CongestionLevel.FREE.severity(),
                        segment.districtId(),
                        eventTime,
                        params.congestionProvenance(),
                        TrafficMessages.forgotten(segment, state.raised().label(), params),
                        a));
    }

    private static CongestionLevel alarmLevel(CongestionLevel observed) {
        return observed.alarming() ? observed : CongestionLevel.FREE;
    }

    private static CongestionLevel min(CongestionLevel a, CongestionLevel b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Signal signal(
            CongestionLevel from,
            CongestionLevel to,
            CongestionLevel observed,
            long eventTime,
            WindowStats w) {
        SignalAction action =
                !from.alarming()
                        ? SignalAction.RAISE
                        : to.alarming() ? SignalAction.UPDATE : SignalAction.CLEAR;
        Map<String, String> a = new LinkedHashMap<>();
        a.put("level", observed.label());
        a.put("previousLevel", from.alarming() ? from.label() : "none");
        putIfFinite(a, "speedRatio", w.speedRatio(), "%.2f");
        putIfFinite(a, "meanSpeedKmh", w.meanSpeedKmh(), "%.1f");
        putIfFinite(a, "occupancyPct", w.occupancyPct(), "%.1f");
        a.put("freeFlowKmh", TrafficMessages.format(segment.freeFlowKmh(), "%.1f"));
        a.put("congestedBelowRatio", TrafficParams.num(params.slowRatio()));
        a.put("jammedBelowRatio", TrafficParams.num(params.jamRatio()));
        a.put("jammedAboveOccupancyPct", TrafficParams.num(params.jamOccupancyPct()));
        a.put("window", params.windowMinutes() + "m");
        return new Signal(
                TYPE,
                segment.id(),
                Domain.TRAFFIC,
                action,
                to.severity(),
                segment.districtId(),
                eventTime,
                params.congestionProvenance(),
                TrafficMessages.congestion(segment, from, observed, w),
                a);
    }

    static void putIfFinite(Map<String, String> a, String key, double v, String pattern) {
        if (Double.isFinite(v)) {
            a.put(key, TrafficMessages.format(v, pattern));
        }
    }
}
