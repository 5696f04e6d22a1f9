package io.cityops.jobs.coverage;

import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the coverage job needs from configuration: Kafka endpoints and names, the city model,
 * event-time tolerances of the source, checkpointing and the coverage parameters.
 *
 * @param transactionalIdPrefix prefix of the Kafka transactions of its two sinks; unique per job
 */
public record CoverageJobConfig(
        String kafkaBootstrap,
        String groupId,
        String cityModelLocation,
        Duration outOfOrderness,
        Duration idleness,
        Duration checkpointInterval,
        String transactionalIdPrefix,
        CoverageParams params)
        implements Serializable {

    public static final String GROUP_ID = "coverage.group-id";
    public static final String OUT_OF_ORDERNESS = "coverage.out-of-orderness";
    public static final String IDLENESS = "coverage.idleness";
    public static final String TRANSACTIONAL_ID_PREFIX = "coverage.transactional-id-prefix";

    public static final String DEFAULT_GROUP_ID = "cityops-coverage";
    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLENESS = Duration.ofMinutes(1);
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "cityops-coverage";

    public CoverageJobConfig {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(cityModelLocation, "cityModelLocation");
        Objects.requireNonNull(transactionalIdPrefix, "transactionalIdPrefix");
        Objects.requireNonNull(params, "params");
        if (outOfOrderness.isNegative() || idleness.isNegative() || idleness.isZero()) {
            throw new IllegalArgumentException(
                    OUT_OF_ORDERNESS + " must be >= 0 and " + IDLENESS + " > 0");
        }
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException(CommonKeys.CHECKPOINT_INTERVAL + " must be > 0");
        }
    }

    public static CoverageJobConfig from(Settings s) {
        return new CoverageJobConfig(
                s.get(CommonKeys.KAFKA_BOOTSTRAP, CommonKeys.KAFKA_BOOTSTRAP_DEFAULT),
                s.get(GROUP_ID, DEFAULT_GROUP_ID),
                s.get(CommonKeys.CITY_MODEL, CommonKeys.CITY_MODEL_DEFAULT),
                s.getDuration(OUT_OF_ORDERNESS, DEFAULT_OUT_OF_ORDERNESS),
                s.getDuration(IDLENESS, DEFAULT_IDLENESS),
                s.getDuration(CommonKeys.CHECKPOINT_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL),
                s.get(TRANSACTIONAL_ID_PREFIX, DEFAULT_TRANSACTIONAL_ID_PREFIX),
                CoverageParams.from(s));
    }
}
