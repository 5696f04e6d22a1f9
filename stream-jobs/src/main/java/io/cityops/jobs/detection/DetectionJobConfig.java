package io.cityops.jobs.detection;

import io.cityops.jobs.detection.health.SensorHealthParams;
import io.cityops.jobs.detection.water.RiverLevelParams;
import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the detection job needs from configuration: Kafka endpoints and names, the city model,
 * event-time tolerances, checkpointing and the detectors' parameters.
 *
 * @param outOfOrderness how far behind the newest reading a reading may arrive and still count
 * @param idleness after how long without readings a Kafka partition stops holding back event time
 * @param transactionalIdPrefix prefix of the Kafka transactions of the signal and aggregate sinks;
 *     unique per job
 * @param unknownSensorHold how long a reading of a sensor the registry does not (yet) know waits
 *     for its registration (processing time) before it is rejected; zero rejects at once
 * @param health the sensor-health thresholds (all domains)
 */
public record DetectionJobConfig(
        String kafkaBootstrap,
        String groupId,
        String cityModelLocation,
        Duration outOfOrderness,
        Duration idleness,
        Duration checkpointInterval,
        String transactionalIdPrefix,
        Duration unknownSensorHold,
        RiverLevelParams riverLevel,
        SensorHealthParams health,
        DomainDetectorParams domains)
        implements Serializable {

    public static final String GROUP_ID = "detection.group-id";
    public static final String OUT_OF_ORDERNESS = "detection.out-of-orderness";
    public static final String IDLENESS = "detection.idleness";
    public static final String TRANSACTIONAL_ID_PREFIX = "detection.transactional-id-prefix";
    public static final String UNKNOWN_SENSOR_HOLD = "detection.unknown-sensor-hold";

    public static final String DEFAULT_GROUP_ID = "cityops-detection";
    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLENESS = Duration.ofMinutes(1);
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = "cityops-detection";
    public static final Duration DEFAULT_UNKNOWN_SENSOR_HOLD = Duration.ofSeconds(30);

    public DetectionJobConfig {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(cityModelLocation, "cityModelLocation");
        Objects.requireNonNull(transactionalIdPrefix, "transactionalIdPrefix");
        Objects.requireNonNull(riverLevel, "riverLevel");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(domains, "domains");
        requirePositive(outOfOrderness, OUT_OF_ORDERNESS, true);
        requirePositive(unknownSensorHold, UNKNOWN_SENSOR_HOLD, true);
        requirePositive(idleness, IDLENESS, false);
        requirePositive(checkpointInterval, CommonKeys.CHECKPOINT_INTERVAL, false);
    }

    /** A configuration with the detectors' default parameters. */
    public DetectionJobConfig(
            String kafkaBootstrap,
            String groupId,
            String cityModelLocation,
            Duration outOfOrderness,
            Duration idleness,
            Duration checkpointInterval,
            String transactionalIdPrefix) {
        this(
                kafkaBootstrap,
                groupId,
                cityModelLocation,
                outOfOrderness,
                idleness,
                checkpointInterval,
                transactionalIdPrefix,
                DEFAULT_UNKNOWN_SENSOR_HOLD,
                RiverLevelParams.DEFAULTS,
                SensorHealthParams.DEFAULTS,
                DomainDetectorParams.DEFAULTS);
    }

    public static DetectionJobConfig from(Settings s) {
        return new DetectionJobConfig(
                s.get(CommonKeys.KAFKA_BOOTSTRAP, CommonKeys.KAFKA_BOOTSTRAP_DEFAULT),
                s.get(GROUP_ID, DEFAULT_GROUP_ID),
                s.get(CommonKeys.CITY_MODEL, CommonKeys.CITY_MODEL_DEFAULT),
                s.getDuration(OUT_OF_ORDERNESS, DEFAULT_OUT_OF_ORDERNESS),
                s.getDuration(IDLENESS, DEFAULT_IDLENESS),
                s.getDuration(CommonKeys.CHECKPOINT_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL),
                s.get(TRANSACTIONAL_ID_PREFIX, DEFAULT_TRANSACTIONAL_ID_PREFIX),
                s.getDuration(UNKNOWN_SENSOR_HOLD, DEFAULT_UNKNOWN_SENSOR_HOLD),
                RiverLevelParams.from(s),
                SensorHealthParams.from(s),
                DomainDetectorParams.from(s));
    }

    private static void requirePositive(Duration d, String key, boolean zeroAllowed) {
        Objects.requireNonNull(d, key);
        if (d.isNegative() || (!zeroAllowed && d.isZero())) {
            throw new IllegalArgumentException(
                    "configuration key '" + key + "' must be positive: " + d);
        }
    }
}
