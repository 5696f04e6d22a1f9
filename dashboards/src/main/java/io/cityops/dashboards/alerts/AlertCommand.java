package io.cityops.dashboards.alerts;

import java.util.Objects;

/**
 * A command on the {@code alert-commands} topic, keyed by alert id. Local stand-in for {@code
 * io.cityops.model.AlertCommand} with the same JSON field names, so the lifecycle decodes it.
 *
 * @param type ACKNOWLEDGE, ASSIGN, RESOLVE or COMMENT
 * @param actor the principal name that asked for it ({@code unit:<id>} for field units)
 * @param time when the server accepted it (epoch ms)
 * @param comment free text, may be null
 * @param assignee for ASSIGN the unit to assign, otherwise null
 * @param shelveUntil always 0: the dashboard does not shelve yet
 */
public record AlertCommand(
        String alertId,
        AlertCommandType type,
        String actor,
        long time,
        String comment,
        String assignee,
        long shelveUntil) {
    public AlertCommand {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
    }
}
