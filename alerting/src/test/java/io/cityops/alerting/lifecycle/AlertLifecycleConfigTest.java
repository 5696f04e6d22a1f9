package io.cityops.alerting.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.city.Capability;
import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertLifecycleConfigTest {
    @Test
    void defaultsSuitTheAllInOne() {
        AlertLifecycleConfig c = AlertLifecycleConfig.from(Settings.of(Map.of()));

        assertThat(c.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(c.groupId()).isEqualTo("cityops-alerting");
        assertThat(c.checkpointInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.reopenWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.holdOff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.escalation()).isEqualTo(EscalationPolicy.defaults());
        assertThat(c.unavailableUnits()).isEmpty();
    }

    @Test
    void everyKeyCanBeOverridden() {
        Settings s =
                Settings.of(
                        Map.ofEntries(
                                Map.entry("kafka.bootstrap", "kafka-1:9093"),
                                Map.entry("alerting.group-id", "g"),
                                Map.entry("city.model", "/etc/cityops/province.json"),
                                Map.entry("flink.checkpoint.interval", "2s"),
                                Map.entry("alerting.transactional-id-prefix", "tx"),
                                Map.entry("alerting.reopen-window", "5m"),
                                Map.entry("alerting.clear-hold-off", "30s"),
                                Map.entry("alerting.escalation.deadline.critical", "2m"),
                                Map.entry("alerting.escalation.deadline.minor", "none"),
                                Map.entry("alerting.escalation.max-level", "5"),
                                Map.entry("alerting.escalation.supervisor-unit", "ioc-duty"),
                                Map.entry(
                                        "alerting.routing.rules",
                                        "traffic.@CRITICAL=DISASTER_RESPONSE+TRAFFIC_POLICE"),
                                Map.entry(
                                        "alerting.routing.unavailable-units",
                                        "env-team, rescue-north")));

        AlertLifecycleConfig c = AlertLifecycleConfig.from(s);

        assertThat(c.kafkaBootstrap()).isEqualTo("kafka-1:9093");
        assertThat(c.groupId()).isEqualTo("g");
        assertThat(c.cityModelLocation()).isEqualTo("/etc/cityops/province.json");
        assertThat(c.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.transactionalIdPrefix()).isEqualTo("tx");
        assertThat(c.reopenWindow()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.holdOff()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.escalation().deadline(Severity.CRITICAL)).contains(Duration.ofMinutes(2));
        assertThat(c.escalation().deadline(Severity.MAJOR)).contains(Duration.ofMinutes(15));
        assertThat(c.escalation().deadline(Severity.MINOR)).isEmpty();
        assertThat(c.escalation().maxLevel()).isEqualTo(5);
        assertThat(c.escalation().supervisor()).contains("ioc-duty");
        assertThat(
                        c.routing()
                                .capabilitiesFor(
                                        "traffic.jam", Domain.TRAFFIC, Severity.CRITICAL, "105"))
                .isEqualTo(List.of(Capability.DISASTER_RESPONSE, Capability.TRAFFIC_POLICE));
        assertThat(
                        c.routing()
                                .capabilitiesFor(
                                        "traffic.jam", Domain.TRAFFIC, Severity.MAJOR, "105"))
                .isEqualTo(List.of(Capability.TRAFFIC_POLICE));
        assertThat(c.unavailableUnits()).containsExactlyInAnyOrder("env-team", "rescue-north");
    }
}
