package io.cityops.alerting.lifecycle;

import io.cityops.alerting.routing.CapabilityRules;
import io.cityops.model.Severity;
import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Configuration of the alert lifecycle job.
 *
 * @param transactionalIdPrefix prefix of the alerts sink's Kafka transactional ids; unique per job
 *     writing to the cluster
 * @param reopenWindow how long after its CLEAR an alert reopens instead of starting a new incident
 * @param holdOff how long a condition must stay clear before the alert clears
 * @param routing the routing table (configured rules ahead of the defaults)
 * @param unavailableUnits units that take no new alerts
 */
public record AlertLifecycleConfig(
        String kafkaBootstrap,
        String groupId,
        String cityModelLocation,
        Duration checkpointInterval,
        String transactionalIdPrefix,
        Duration reopenWindow,
        Duration holdOff,
        EscalationPolicy escalation,
        CapabilityRules routing,
        Set<String> unavailableUnits) {

    public static final String GROUP_ID = "alerting.group-id";
    public static final String TRANSACTIONAL_ID_PREFIX = "alerting.transactional-id-prefix";
    public static final String REOPEN_WINDOW = "alerting.reopen-window";
    public static final String HOLD_OFF = "alerting.clear-hold-off";

    /** Prefix of the per-severity deadlines, e.g. {@code alerting.escalation.deadline.critical}. */
    public static final String ESCALATION_DEADLINE = "alerting.escalation.deadline.";

    public static final String ESCALATION_MAX_LEVEL = "alerting.escalation.max-level";
    public static final String ESCALATION_SUPERVISOR = "alerting.escalation.supervisor-unit";
    public static final String ESCALATION_SUPERVISOR_FROM =
            "alerting.escalation.supervisor-from-level";
    public static final String ROUTING_RULES = "alerting.routing.rules";
    public static final String UNAVAILABLE_UNITS = "alerting.routing.unavailable-units";

    public AlertLifecycleConfig {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(cityModelLocation, "cityModelLocation");
        Objects.requireNonNull(transactionalIdPrefix, "transactionalIdPrefix");
        Objects.requireNonNull(escalation, "escalation");
        Objects.requireNonNull(routing, "routing");
        unavailableUnits = Set.copyOf(unavailableUnits);
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException(
                    "checkpointInterval must be positive: " + checkpointInterval);
        }
        if (reopenWindow.isNegative()) {
            throw new IllegalArgumentException(
                    "reopenWindow must not be negative: " + reopenWindow);
        }
        if (holdOff.isNegative()) {
            throw new IllegalArgumentException("holdOff must not be negative: " + holdOff);
        }
    }

    public static AlertLifecycleConfig from(Settings s) {
        EscalationPolicy d = EscalationPolicy.defaults();
        Map<Severity, Duration> deadlines = new EnumMap<>(Severity.class);
        for (Severity sev : Severity.values()) {
            String key = ESCALATION_DEADLINE + sev.name().toLowerCase();
            // "none" (or 0) switches escalation off for a severity.
            String v = s.find(key).orElse(null);
            if (v == null) {
                d.deadline(sev).ifPresent(x -> deadlines.put(sev, x));
            } else if (!v.equalsIgnoreCase("none")) {
                Duration x = s.getDuration(key, Duration.ZERO);
                if (!x.isZero()) {
                    deadlines.put(sev, x);
                }
            }
        }
        EscalationPolicy escalation =
                new EscalationPolicy(
                        deadlines,
                        s.getInt(ESCALATION_MAX_LEVEL, d.maxLevel()),
                        s.find(ESCALATION_SUPERVISOR).filter(u -> !u.isBlank()).orElse(null),
                        s.getInt(ESCALATION_SUPERVISOR_FROM, d.supervisorFromLevel()));
        return new AlertLifecycleConfig(
                s.get(CommonKeys.KAFKA_BOOTSTRAP, CommonKeys.KAFKA_BOOTSTRAP_DEFAULT),
                s.get(GROUP_ID, "cityops-alerting"),
                s.get(CommonKeys.CITY_MODEL, CommonKeys.CITY_MODEL_DEFAULT),
                s.getDuration(CommonKeys.CHECKPOINT_INTERVAL, Duration.ofSeconds(10)),
                s.get(TRANSACTIONAL_ID_PREFIX, "cityops-alerting"),
                s.getDuration(REOPEN_WINDOW, Duration.ofMinutes(30)),
                s.getDuration(HOLD_OFF, Duration.ofMinutes(1)),
                escalation,
                CapabilityRules.parse(s.get(ROUTING_RULES, "")),
                Arrays.stream(s.get(UNAVAILABLE_UNITS, "").split(","))
                        .map(String::trim)
                        .filter(u -> !u.isEmpty())
                        .collect(Collectors.toSet()));
    }
}
