package io.cityops.model;

import java.util.Map;
import java.util.Objects;

/**
 * A detector's statement about one incident subject (a river station, a road segment, a forest
 * zone, a transformer), keyed by {@link #alertKey()}. Detectors emit a signal when the state of the
 * subject changes, never one per reading. This is the value of the {@code signals} topic.
 *
 * @param type incident type, dotted, e.g. {@code water.level}
 * @param subjectId what the incident is about, e.g. a station id
 * @param districtId the district the subject lies in, for routing
 * @param eventTime event time (epoch ms) of the reading that caused this signal
 * @param detector which detector and parameter set produced it, for provenance
 * @param attributes detector-specific evidence (level, rate of rise, thresholds)
 */
public record Signal(
        String type,
        String subjectId,
        Domain domain,
        SignalAction action,
        Severity severity,
        String districtId,
        long eventTime,
        String detector,
        String message,
        Map<String, String> attributes) {

    public Signal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(severity, "severity");
        attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    }

    /** The identity of the alert this signal belongs to: one alert per type and subject. */
    public String alertKey() {
        return AlertIds.of(type, subjectId);
    }
}
