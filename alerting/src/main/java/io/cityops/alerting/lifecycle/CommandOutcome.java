package io.cityops.alerting.lifecycle;

import io.cityops.model.Alert;
import java.util.List;
import java.util.Optional;

/**
 * What a command did: the alert versions it caused, or why it was refused.
 *
 * @param rejection null when the command was accepted (possibly changing nothing)
 */
public record CommandOutcome(List<Alert> versions, String rejection) {
    public CommandOutcome {
        versions = List.copyOf(versions);
    }

    static CommandOutcome accepted(List<Alert> versions) {
        return new CommandOutcome(versions, null);
    }

    static CommandOutcome rejected(String why) {
        return new CommandOutcome(List.of(), why);
    }

    public Optional<String> rejectionReason() {
        return Optional.ofNullable(rejection);
    }
}
