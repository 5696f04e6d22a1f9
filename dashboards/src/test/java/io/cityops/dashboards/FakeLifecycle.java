package io.cityops.dashboards;

import io.cityops.dashboards.alerts.AlertCommand;
import io.cityops.dashboards.alerts.AlertCommandSink;
import io.cityops.dashboards.alerts.AlertStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for Kafka plus the alerting lifecycle: records every command and, like the lifecycle,
 * answers ACKNOWLEDGE and RESOLVE with a new alert version fed back into the store.
 */
public final class FakeLifecycle implements AlertCommandSink {
    private final AlertStore store;
    private final List<AlertCommand> received = new CopyOnWriteArrayList<>();

    public FakeLifecycle(AlertStore store) {
        this.store = store;
    }

    @Override
    public void send(AlertCommand c) {
        received.add(c);
        store.latest(c.alertId())
                .ifPresent(
                        a -> {
                            switch (c.type()) {
                                case ACKNOWLEDGE ->
                                        store.accept(
                                                TestAlerts.acknowledged(a, c.actor(), c.time()));
                                case RESOLVE ->
                                        store.accept(TestAlerts.cleared(a, c.actor(), c.time()));
                                default -> {}
                            }
                        });
    }

    public List<AlertCommand> received() {
        return received;
    }
}
