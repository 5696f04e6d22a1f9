package io.cityops.jobs.coverage.kafka;

import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import io.cityops.model.kpi.Kpi;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a {@link Kpi} to the {@code kpis} topic keyed by its id, so a compacted topic keeps the
 * latest snapshot of every KPI and each KPI's snapshots stay in order in one partition.
 */
public final class KpiRecordSerializer implements KafkaRecordSerializationSchema<Kpi> {
    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            Kpi kpi, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                Topics.KPIS, kpi.id().getBytes(StandardCharsets.UTF_8), JsonCodec.KPI.encode(kpi));
    }
}
