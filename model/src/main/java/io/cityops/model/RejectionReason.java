package io.cityops.model;

/** Why ingest refused a message: the machine-readable part of a {@link RejectedReading}. */
public enum RejectionReason {
    OVERSIZE,
    NOT_JSON,
    MALFORMED,
    MISSING_FIELD,
    BAD_TIMESTAMP,
    FUTURE_TIMESTAMP,
    EMPTY_METRICS,
    UNKNOWN_METRIC,
    /** A SenML record's unit is not one ingest can convert to the metric its name maps to. */
    UNKNOWN_UNIT,
    NON_NUMERIC_VALUE,
    NON_FINITE_VALUE,
    OUT_OF_RANGE,
    BAD_TOPIC,
    UNKNOWN_SENSOR,
    TOPIC_MISMATCH
}
