package io.cityops.dashboards.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cityops.dashboards.alerts.AlertStore;
import io.cityops.dashboards.kpis.KpiStore;
import io.cityops.dashboards.live.AggregateStore;
import io.cityops.dashboards.sensors.SensorActivity;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.io.IOException;

/**
 * Decodes one Kafka record and hands it to the store of its topic: {@code alerts} (JSON of {@code
 * Alert}), {@code kpis} (passed through as JSON), {@code aggregates} (JSON of {@code Aggregate}),
 * {@code readings.*} (only the sensor's last-seen time). Separate from the consumer loop so tests
 * can feed the exact bytes Kafka would carry.
 */
public final class FeedRouter {
    private final AlertStore alerts;
    private final KpiStore kpis;
    private final AggregateStore aggregates;
    private final SensorActivity activity;
    private final ObjectMapper json = new ObjectMapper();

    public FeedRouter(
            AlertStore alerts, KpiStore kpis, AggregateStore aggregates, SensorActivity activity) {
        this.alerts = alerts;
        this.kpis = kpis;
        this.aggregates = aggregates;
        this.activity = activity;
    }

    /**
     * Routes one record; a tombstone is ignored.
     *
     * @throws IOException or a {@code JsonCodecException} when the value does not decode
     */
    public void route(String topic, String key, byte[] value) throws IOException {
        if (value == null) {
            return; // tombstone on a compacted topic
        }
        if (topic.equals(Topics.ALERTS)) {
            alerts.accept(JsonCodec.ALERT.decode(value));
        } else if (topic.equals(Topics.KPIS)) {
            kpis.accept(key, json.readTree(value));
        } else if (topic.equals(Topics.AGGREGATES)) {
            aggregates.accept(JsonCodec.AGGREGATE.decode(value));
        } else if (topic.startsWith(Topics.READINGS_PREFIX)) {
            activity.seen(key, JsonCodec.READING.decode(value).ts());
        }
    }
}
