package io.cityops.dashboards.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.dashboards.TestAggregates;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.city.District;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveLevelsTest {
    @Test
    void aqiBandsFollowVnAqiWithRounding() {
        assertThat(AqiCategory.of(0)).isEqualTo(AqiCategory.GOOD);
        assertThat(AqiCategory.of(50.4)).isEqualTo(AqiCategory.GOOD);
        assertThat(AqiCategory.of(50.5)).isEqualTo(AqiCategory.MODERATE);
        assertThat(AqiCategory.of(101)).isEqualTo(AqiCategory.POOR);
        assertThat(AqiCategory.of(200)).isEqualTo(AqiCategory.BAD);
        assertThat(AqiCategory.of(201)).isEqualTo(AqiCategory.VERY_BAD);
        assertThat(AqiCategory.of(301)).isEqualTo(AqiCategory.HAZARDOUS);
        assertThat(AqiCategory.POOR.colour()).isEqualTo("#ff7e00");
    }

    @Test
    void trafficBandsFollowTheSpeedRatioAndOccupancy() {
        assertThat(TrafficLevel.of(0.75, 5)).isEqualTo(TrafficLevel.FREE);
        assertThat(TrafficLevel.of(0.74, 5)).isEqualTo(TrafficLevel.SLOW);
        assertThat(TrafficLevel.of(0.49, 5)).isEqualTo(TrafficLevel.CONGESTED);
        assertThat(TrafficLevel.of(0.24, 5)).isEqualTo(TrafficLevel.JAMMED);
        assertThat(TrafficLevel.of(0.9, 31)).isEqualTo(TrafficLevel.JAMMED);
        assertThat(TrafficLevel.of(Double.NaN, 5)).isEqualTo(TrafficLevel.UNKNOWN);
        assertThat(TrafficLevel.named("free-flow")).contains(TrafficLevel.FREE);
        assertThat(TrafficLevel.named("Jammed")).contains(TrafficLevel.JAMMED);
        assertThat(TrafficLevel.named("gridlock")).isEmpty();
    }

    @Test
    void storeKeepsTheNewestWindowAndTellsListenersOnce() {
        AggregateStore store = new AggregateStore();
        List<Double> seen = new ArrayList<>();
        store.onChange(a -> seen.add(a.value("aqi")));
        assertThat(store.accept(TestAggregates.districtAqi("105", 2_000, 80))).isTrue();
        assertThat(store.accept(TestAggregates.districtAqi("105", 1_000, 150))).isFalse();
        assertThat(store.accept(TestAggregates.districtAqi("105", 2_000, 80))).isFalse();
        assertThat(store.accept(TestAggregates.districtAqi("105", 2_000, 82))).isTrue();
        assertThat(seen).containsExactly(80.0, 82.0);
        assertThat(store.latest("air.district", "1h")).hasSize(1);
    }

    @Test
    void affectedCustomersComeFromTheAlertsEvidence() {
        assertThat(LivePanels.affected(Map.of("affectedCustomers", "12"))).isEqualTo(12);
        assertThat(LivePanels.affected(Map.of("customersAffected", "7.0"))).isEqualTo(7);
        assertThat(LivePanels.affected(Map.of("affected", "12 of 20"))).isEqualTo(12);
        assertThat(LivePanels.affected(Map.of("metersOut", "3"))).isNull();
    }

    @Test
    void theDistrictPanelShowsTheCategorysReadableNameNotItsCode() {
        District d = new District("105", "Thành phố Lai Châu", "Thanh pho Lai Chau", null);
        Aggregate vn =
                new Aggregate(
                        "air.district",
                        "105",
                        Domain.ENVIRONMENT,
                        "105",
                        "1h",
                        0,
                        Map.of("aqi", 250.0),
                        Map.of(
                                "category", "very-bad",
                                "categoryName", "Rất xấu",
                                "dominant", "pm25",
                                "standard", "vn"));

        LivePanels.DistrictAqi tile = LivePanels.districtAqi(d, Optional.of(vn));

        assertThat(tile.categoryLabel()).isEqualTo("Rất xấu");
        assertThat(tile.category()).isEqualTo(AqiCategory.VERY_BAD);
        assertThat(LivePanels.categoryLabel(Map.of("category", "very-bad")))
                .as("a producer without names")
                .isEqualTo("very-bad");
    }
}
