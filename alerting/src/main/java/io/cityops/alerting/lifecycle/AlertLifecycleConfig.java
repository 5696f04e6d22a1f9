package io.cityops.alerting.lifecycle;

import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the alert lifecycle job.
 *
 * @param transactionalIdPrefix prefix of the alerts sink's Kafka transactional ids; unique per job
 *     writing to the cluster
 * @param reopenWindow how long after its CLEAR an alert reopens instead of starting a new incident
 */
public record AlertLifecycleConfig(
        String kafkaBootstrap,
        String groupId,
        String cityModelLocation,
        Duration checkpointInterval,
        String transactionalIdPrefix,
        Duration reopenWindow) {

    public static final String GROUP_ID = "alerting.group-id";
    public static final String TRANSACTIONAL_ID_PREFIX = "alerting.transactional-id-prefix";
    public static final String REOPEN_WINDOW = "alerting.reopen-window";

    public AlertLifecycleConfig {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(cityModelLocation, "cityModelLocation");
        Objects.requireNonNull(transactionalIdPrefix, "transactionalIdPrefix");
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException(
                    "checkpointInterval must be positive: " + checkpointInterval);
        }
        if (reopenWindow.isNegative()) {
            throw new IllegalArgumentException(
                    "reopenWindow must not be negative: " + reopenWindow);
        }
    }

    public static AlertLifecycleConfig from(Settings s) {
        return new AlertLifecycleConfig(
                s.get(CommonKeys.KAFKA_BOOTSTRAP, CommonKeys.KAFKA_BOOTSTRAP_DEFAULT),
                s.get(GROUP_ID, "cityops-alerting"),
                s.get(CommonKeys.CITY_MODEL, CommonKeys.CITY_MODEL_DEFAULT),
                s.getDuration(CommonKeys.CHECKPOINT_INTERVAL, Duration.ofSeconds(10)),
                s.get(TRANSACTIONAL_ID_PREFIX, "cityops-alerting"),
                s.getDuration(REOPEN_WINDOW, Duration.ofMinutes(30)));
    }
}
