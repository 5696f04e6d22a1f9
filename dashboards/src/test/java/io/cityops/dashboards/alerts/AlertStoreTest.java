package io.cityops.dashboards.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.dashboards.TestAlerts;
import io.cityops.model.Alert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertStoreTest {
    @Test
    void replayedOrOlderVersionsAreIgnoredAndListenersHearOnlyNewOnes() {
        AlertStore store = new AlertStore();
        List<Alert> heard = new ArrayList<>();
        store.onChange(heard::add);
        Alert v1 = TestAlerts.riverFlood("a1");
        Alert v2 = TestAlerts.acknowledged(v1, "duty-desk", TestAlerts.T0 + 1);
        assertThat(store.accept(v1)).isTrue();
        assertThat(store.accept(v2)).isTrue();
        assertThat(store.accept(v1)).isFalse();
        assertThat(store.accept(v2)).isFalse();
        assertThat(store.latest("a1")).contains(v2);
        assertThat(store.history("a1")).containsExactly(v1, v2);
        assertThat(heard).containsExactly(v1, v2);
    }
}
