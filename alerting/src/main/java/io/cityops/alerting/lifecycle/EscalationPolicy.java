package io.cityops.alerting.lifecycle;

import io.cityops.model.Severity;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * When an unacknowledged alert escalates and how far: each severity has a deadline (none means it
 * never escalates); each step calls the next capable unit, bumps the severity one step and, from
 * {@link #supervisorFromLevel()}, calls the supervisor unit; at {@link #maxLevel()} it stops.
 *
 * @param supervisorUnit the duty supervisor's unit id, or null when none is configured
 */
public record EscalationPolicy(
        Map<Severity, Duration> deadlines,
        int maxLevel,
        String supervisorUnit,
        int supervisorFromLevel)
        implements Serializable {

    public EscalationPolicy {
        deadlines = Map.copyOf(deadlines);
        deadlines.values().forEach(d -> requirePositive(d));
        if (maxLevel < 0) {
            throw new IllegalArgumentException("maxLevel must not be negative: " + maxLevel);
        }
    }

    /** CRITICAL 5 min, MAJOR 15 min, MINOR 60 min, INFO never; up to level 3; no supervisor. */
    public static EscalationPolicy defaults() {
        return new EscalationPolicy(
                Map.of(
                        Severity.CRITICAL, Duration.ofMinutes(5),
                        Severity.MAJOR, Duration.ofMinutes(15),
                        Severity.MINOR, Duration.ofMinutes(60)),
                3,
                null,
                2);
    }

    public static EscalationPolicy never() {
        return new EscalationPolicy(new EnumMap<>(Severity.class), 0, null, 1);
    }

    /** How long an alert of this severity may stay unacknowledged before it escalates. */
    public Optional<Duration> deadline(Severity severity) {
        return Optional.ofNullable(deadlines.get(severity));
    }

    public Optional<String> supervisor() {
        return Optional.ofNullable(supervisorUnit);
    }

    /** The severity one step up, CRITICAL staying CRITICAL. */
    public static Severity bump(Severity s) {
        Severity[] all = Severity.values();
        return all[Math.min(s.ordinal() + 1, all.length - 1)];
    }

    private static void requirePositive(Duration d) {
        Objects.requireNonNull(d, "deadline");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("escalation deadlines must be positive: " + d);
        }
    }
}
