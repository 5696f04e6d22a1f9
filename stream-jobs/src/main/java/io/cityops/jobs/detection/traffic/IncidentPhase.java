package io.cityops.jobs.detection.traffic;

/** Where a segment stands in the California incident algorithm. */
public enum IncidentPhase {
    /** No incident: all three tests are watched for. */
    CLEAR,
    /** All three tests passed; the spatial ones must persist to confirm. */
    TENTATIVE,
    /** Confirmed and signalled; lasts until OCCRDF falls below T2. */
    INCIDENT
}
