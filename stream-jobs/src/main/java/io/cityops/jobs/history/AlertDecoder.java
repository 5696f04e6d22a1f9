package io.cityops.jobs.history;

import io.cityops.model.Alert;
import io.cityops.model.json.JsonCodec;
import io.cityops.model.json.JsonCodecException;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes alert versions from the {@code alerts} topic for history. A record that does not decode
 * is logged and counted ({@code undecodableAlerts}); the lifecycle job wrote it, so it stays on the
 * topic for diagnosis.
 */
public final class AlertDecoder extends ProcessFunction<byte[], Alert> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AlertDecoder.class);

    private transient Counter undecodable;

    @Override
    public void open(org.apache.flink.api.common.functions.OpenContext context) {
        undecodable = getRuntimeContext().getMetricGroup().counter("undecodableAlerts");
    }

    @Override
    public void processElement(byte[] value, Context ctx, Collector<Alert> out) {
        if (value == null) {
            return; // a tombstone on the compacted topic: nothing to record
        }
        try {
            out.collect(JsonCodec.ALERT.decode(value));
        } catch (JsonCodecException e) {
            undecodable.inc();
            LOG.warn(
                    "Alert record not stored in history: {}",
                    e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
