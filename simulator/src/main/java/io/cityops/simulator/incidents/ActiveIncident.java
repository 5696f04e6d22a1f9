package io.cityops.simulator.incidents;

import java.time.Duration;
import java.time.Instant;

/** An incident under way, with the instant its script started. */
public record ActiveIncident(Incident incident, Instant startedAt) {

    /** Time into the script at {@code t}, never negative. */
    public Duration elapsed(Instant t) {
        return t.isBefore(startedAt) ? Duration.ZERO : Duration.between(startedAt, t);
    }

    public Instant endsAt() {
        return startedAt.plus(incident.duration());
    }
}
