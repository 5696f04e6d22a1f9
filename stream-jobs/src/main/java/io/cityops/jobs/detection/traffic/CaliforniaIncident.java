package io.cityops.jobs.detection.traffic;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.RoadSegment;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Incident detection on one road segment by the California algorithm (DOMAIN.md, "Traffic"): #7's
 * tests with persistence and #8's compression-wave suppression, one minute at a time. A blockage
 * fills the upstream detector and empties the downstream one, so OCCDF and OCCRDF are high and the
 * downstream occupancy falls (DOCCTD); in recurring congestion both detectors fill alike, so OCCRDF
 * stays low. The tests must pass once with DOCCTD and the spatial ones must then persist for {@code
 * persistenceMinutes} in all; the incident clears when OCCRDF falls below T2. A downstream
 * occupancy of {@code waveOccupancyPct} or more is a compression wave: no incident is raised in
 * that minute and the {@code waveSuppressMinutes} after it.
 */
public final class CaliforniaIncident implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "traffic.incident";

    private static final long MINUTE_MS = 60_000;

    private final RoadSegment segment;
    private final TrafficParams params;

    public CaliforniaIncident(RoadSegment segment, TrafficParams params) {
        this.segment = Objects.requireNonNull(segment, "segment");
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The outcome of one minute: the state to keep and the signal to emit, if any. */
    public record Step(IncidentState state, Optional<Signal> signal) {}

    /**
     * A minute in which the upstream or downstream detector said nothing: a tentative incident is
     * dropped (persistence means consecutive minutes), a confirmed one is kept.
     */
    public Step onMissingMinute(IncidentState s) {
        if (s.phase() == IncidentPhase.TENTATIVE) {
            return new Step(
                    new IncidentState(IncidentPhase.CLEAR, 0, s.suppressedThrough()), none());
        }
        return new Step(s, none());
    }

    /**
     * Takes the minute starting at {@code minuteStart}; {@code eventTime} (its end) stamps any
     * signal.
     */
    public Step onMinute(IncidentState s, long minuteStart, long eventTime, OccupancyTests t) {
        long suppressedThrough = s.suppressedThrough();
        if (t.downstreamPct() >= params.waveOccupancyPct()) {
            suppressedThrough =
                    Math.max(
                            suppressedThrough,
                            minuteStart + params.waveSuppressMinutes() * MINUTE_MS);
        }
        boolean suppressed = minuteStart <= suppressedThrough;
        switch (s.phase()) {
            case INCIDENT -> {
                if (t.occrdf() < params.occrdf()) {
                    return new Step(
                            new IncidentState(IncidentPhase.CLEAR, 0, suppressedThrough),
                            Optional.of(signal(SignalAction.CLEAR, eventTime, t)));
                }
                return new Step(
                        new IncidentState(IncidentPhase.INCIDENT, 0, suppressedThrough), none());
            }
            case TENTATIVE -> {
                if (suppressed || !t.spatial(params)) {
                    return new Step(
                            new IncidentState(IncidentPhase.CLEAR, 0, suppressedThrough), none());
                }
                return advance(s.persisted() + 1, suppressedThrough, eventTime, t);
            }
            default -> {
                if (suppressed || !t.spatial(params) || !t.temporal(params)) {
                    return new Step(
                            new IncidentState(IncidentPhase.CLEAR, 0, suppressedThrough), none());
                }
                return advance(1, suppressedThrough, eventTime, t);
            }
        }
    }

    /**
     * Clears a raised incident because the segment has reported nothing for {@code
     * params.forgetAfter()}: a CLEAR with {@code reason=no-data}, or nothing when none is raised.
     */
    public Optional<Signal> forget(IncidentState s, long eventTime) {
        if (!s.isRaised()) {
            return none();
        }
        Map<String, String> a = new LinkedHashMap<>();
        a.put("upstreamSensorId", segment.upstreamSensorId());
        a.put("downstreamSensorId", segment.downstreamSensorId());
        a.put("reason", CongestionClassifier.NO_DATA);
        a.put("silentFor", params.forgetAfter().toMinutes() + "m");
        return Optional.of(
                new Signal(
                        TYPE,
                        segment.id(),
                        Domain.TRAFFIC,
                        SignalAction.CLEAR,
                        Severity.INFO,
                        segment.districtId(),
                        eventTime,
                        params.incidentProvenance(),
                        TrafficMessages.forgotten(segment, "incident", params),
                        a));
    }

    private Step advance(int persisted, long suppressedThrough, long eventTime, OccupancyTests t) {
        if (persisted < params.persistenceMinutes()) {
            return new Step(
                    new IncidentState(IncidentPhase.TENTATIVE, persisted, suppressedThrough),
                    none());
        }
        return new Step(
                new IncidentState(IncidentPhase.INCIDENT, 0, suppressedThrough),
                Optional.of(signal(SignalAction.RAISE, eventTime, t)));
    }

    private static Optional<Signal> none() {
        return Optional.empty();
    }

    private Signal signal(SignalAction action, long eventTime, OccupancyTests t) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("upstreamSensorId", segment.upstreamSensorId());
        a.put("downstreamSensorId", segment.downstreamSensorId());
        a.put("upstreamOccupancyPct", TrafficMessages.format(t.upstreamPct(), "%.1f"));
        a.put("downstreamOccupancyPct", TrafficMessages.format(t.downstreamPct(), "%.1f"));
        a.put("occdf", TrafficMessages.format(t.occdf(), "%.1f"));
        a.put("occrdf", TrafficMessages.format(t.occrdf(), "%.2f"));
        CongestionClassifier.putIfFinite(a, "docctd", t.docctd(), "%.2f");
        a.put("t1OccdfPct", TrafficParams.num(params.occdfPct()));
        a.put("t2Occrdf", TrafficParams.num(params.occrdf()));
        a.put("t3Docctd", TrafficParams.num(params.docctd()));
        return new Signal(
                TYPE,
                segment.id(),
                Domain.TRAFFIC,
                action,
                action == SignalAction.CLEAR ? Severity.INFO : Severity.MAJOR,
                segment.districtId(),
                eventTime,
                params.incidentProvenance(),
                TrafficMessages.incident(segment, action, t),
                a);
    }
}
