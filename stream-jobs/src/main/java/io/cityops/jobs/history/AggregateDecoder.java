package io.cityops.jobs.history;

import io.cityops.model.Aggregate;
import io.cityops.model.json.JsonCodec;
import io.cityops.model.json.JsonCodecException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes windowed summaries from the {@code aggregates} topic for history. A record that does not
 * decode is logged and counted ({@code undecodableAggregates}) and stays on the topic for
 * diagnosis: the detection job wrote it, so it is a bug to fix there, not data to dead-letter.
 */
public final class AggregateDecoder extends ProcessFunction<byte[], Aggregate> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AggregateDecoder.class);

    private transient Counter undecodable;

    @Override
    public void open(OpenContext context) {
        undecodable = getRuntimeContext().getMetricGroup().counter("undecodableAggregates");
    }

    @Override
    public void processElement(byte[] value, Context ctx, Collector<Aggregate> out) {
        if (value == null) {
            return;
        }
        try {
            out.collect(JsonCodec.AGGREGATE.decode(value));
        } catch (JsonCodecException e) {
            undecodable.inc();
            LOG.warn(
                    "Aggregate record not stored in history: {}",
                    e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
