package io.cityops.model;

import java.util.Objects;
import java.util.Optional;

/**
 * An operator's or field unit's command on one alert: the value of the {@code alert-commands}
 * topic, keyed by {@link #alertId()}. The lifecycle job applies it and writes the resulting alert
 * version, naming {@link #actor()}, so the command ends up in the alert's audit trail.
 *
 * @param actor who issues it: an operator's name or {@code unit:<unitId>} for a field unit
 * @param time when it was issued (epoch ms)
 * @param comment free text for the history; may be null
 * @param assignee the unit an {@link AlertCommandType#ASSIGN} hands the alert to; else null
 * @param shelveUntil end of a {@link AlertCommandType#SHELVE} (epoch ms); else 0
 */
public record AlertCommand(
        String alertId,
        AlertCommandType type,
        String actor,
        long time,
        String comment,
        String assignee,
        long shelveUntil) {

    /** Prefix of {@link #actor()} for commands that came from a field unit's device. */
    public static final String UNIT_ACTOR_PREFIX = "unit:";

    public AlertCommand {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        if (type == AlertCommandType.ASSIGN && (assignee == null || assignee.isBlank())) {
            throw new IllegalArgumentException("ASSIGN needs an assignee");
        }
        if (type == AlertCommandType.SHELVE && shelveUntil <= time) {
            throw new IllegalArgumentException("SHELVE needs shelveUntil after time");
        }
    }

    /** A field unit's acknowledgement, as the dispatcher builds it from {@code units/<id>/acks}. */
    public static AlertCommand unitAck(String alertId, String unitId, long time, String comment) {
        return new AlertCommand(
                alertId,
                AlertCommandType.ACKNOWLEDGE,
                UNIT_ACTOR_PREFIX + unitId,
                time,
                comment,
                null,
                0);
    }

    /** The field unit that issued this command, if a unit did. */
    public Optional<String> unitId() {
        return actor.startsWith(UNIT_ACTOR_PREFIX)
                ? Optional.of(actor.substring(UNIT_ACTOR_PREFIX.length()))
                : Optional.empty();
    }

    public Optional<String> commentText() {
        return Optional.ofNullable(comment).filter(c -> !c.isBlank());
    }
}
