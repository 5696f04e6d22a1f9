package io.cityops.simulator.incidents;

/** An incident starting or ending, as reported by {@link IncidentScheduler#advance}. */
public record IncidentEvent(ActiveIncident active, Type type) {

    /** Whether the incident started or ended. */
    public enum Type {
        STARTED,
        ENDED
    }
}
