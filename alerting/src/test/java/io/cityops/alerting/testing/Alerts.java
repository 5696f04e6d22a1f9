package io.cityops.alerting.testing;

import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.Domain;
import io.cityops.model.Severity;
import java.util.List;
import java.util.Map;

/** Named alert versions for tests. */
public final class Alerts {
    private Alerts() {}

    /** Version 1 of the Mường Tè water-level alert, for rescue-north. */
    public static Alert muongTeRaised() {
        return version(Signals.MUONG_TE_ALERT, 1, "RAISE", List.of("rescue-north"));
    }

    public static Alert version(String alertId, long version, String change, List<String> units) {
        String[] typeAndSubject = alertId.split(":", 2);
        return new Alert(
                alertId,
                version,
                typeAndSubject[0],
                typeAndSubject[1],
                Domain.ENVIRONMENT,
                Severity.MAJOR,
                change.equals("CLEAR") ? AlertState.CLEARED : AlertState.ACTIVE,
                false,
                "107",
                units,
                Signals.T0,
                Signals.T0 + version,
                "water-level/v1",
                change,
                null,
                Map.of("levelCm", "28750"));
    }
}
