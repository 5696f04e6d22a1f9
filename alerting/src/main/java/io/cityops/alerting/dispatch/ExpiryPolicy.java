package io.cityops.alerting.dispatch;

import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import java.time.Duration;

/**
 * How long the broker keeps an alert message for a unit that is offline (MQTT 5 message expiry): an
 * active alert as long as the unit's session, a version of an alert that has ended only briefly,
 * because a unit coming back a day later needs the alerts that matter, not yesterday's all-clears.
 */
public record ExpiryPolicy(Duration active, Duration cleared) {

    public static ExpiryPolicy of(DispatcherConfig c) {
        return new ExpiryPolicy(c.activeExpiry(), c.clearedExpiry());
    }

    public long expirySeconds(Alert a) {
        return (a.state() == AlertState.ACTIVE ? active : cleared).toSeconds();
    }
}
