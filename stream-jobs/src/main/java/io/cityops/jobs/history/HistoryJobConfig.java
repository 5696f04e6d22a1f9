package io.cityops.jobs.history;

import io.cityops.model.config.CommonKeys;
import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;

/**
 * Configuration of the history job: where it reads (Kafka) and where it writes (InfluxDB).
 *
 * @param groupId Kafka consumer group; offsets are committed on checkpoints
 */
public record HistoryJobConfig(
        String kafkaBootstrap,
        String groupId,
        String cityModelLocation,
        Duration checkpointInterval,
        InfluxSinkConfig influx)
        implements Serializable {

    public static final String GROUP_ID = "history.group-id";

    public static HistoryJobConfig from(Settings s) {
        return new HistoryJobConfig(
                s.get(CommonKeys.KAFKA_BOOTSTRAP, CommonKeys.KAFKA_BOOTSTRAP_DEFAULT),
                s.get(GROUP_ID, "cityops-history"),
                s.get(CommonKeys.CITY_MODEL, CommonKeys.CITY_MODEL_DEFAULT),
                s.getDuration(CommonKeys.CHECKPOINT_INTERVAL, Duration.ofSeconds(10)),
                InfluxSinkConfig.from(s));
    }
}
