package io.cityops.dashboards.alerts;

import io.cityops.dashboards.BadParameter;
import io.cityops.dashboards.auth.AccessPolicy;
import io.cityops.dashboards.auth.Principal;
import io.cityops.model.Alert;
import io.cityops.model.city.CityModel;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns a person's request into an {@link AlertCommand}: checks the alert exists and is visible to
 * them, validates the arguments, and hands it to the sink. The alert itself changes only when the
 * lifecycle publishes its next version.
 */
public final class AlertCommands {
    static final int MAX_COMMENT = 2000;

    private final AlertStore store;
    private final AlertCommandSink sink;
    private final CityModel city;
    private final Clock clock;

    public AlertCommands(AlertStore store, AlertCommandSink sink, CityModel city, Clock clock) {
        this.store = store;
        this.sink = sink;
        this.city = city;
        this.clock = clock;
    }

    /**
     * Issues a command. Returns empty when the alert is unknown or not visible to the caller (so a
     * field unit cannot probe other units' alerts).
     */
    public Optional<AlertCommand> issue(
            Principal who,
            String alertId,
            AlertCommandType type,
            Optional<String> comment,
            Optional<String> unitId)
            throws Exception {
        Optional<Alert> alert = store.latest(alertId).filter(a -> AccessPolicy.canSee(who, a));
        if (alert.isEmpty()) {
            return Optional.empty();
        }
        String text = comment.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (text != null && text.length() > MAX_COMMENT) {
            throw new BadParameter("comment is longer than " + MAX_COMMENT + " characters");
        }
        if (type == AlertCommandType.COMMENT && text == null) {
            throw new BadParameter("comment is required for COMMENT");
        }
        String unit = null;
        if (type == AlertCommandType.ASSIGN) {
            unit = unitId.orElseThrow(() -> new BadParameter("unitId is required for ASSIGN"));
            if (city.fieldUnit(unit).isEmpty()) {
                throw new BadParameter(
                        "unitId '" + unit + "' is not a field unit of this province");
            }
        }
        AlertCommand cmd =
                new AlertCommand(alertId, type, who.name(), clock.millis(), text, unit, 0);
        sink.send(cmd);
        return Optional.of(cmd);
    }
}
