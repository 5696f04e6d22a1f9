package io.cityops.alerting.lifecycle;

import io.cityops.model.Signal;
import io.cityops.model.json.JsonCodec;
import io.cityops.model.json.JsonCodecException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the signals topic's JSON values. A record that is not a valid signal is logged, counted
 * (metric {@value #UNDECODABLE_METRIC}) and sent to {@link #UNDECODABLE}; it never fails the job.
 */
public final class SignalDecoder extends ProcessFunction<RawRecord, Signal> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SignalDecoder.class);

    /** Side output of records that are not valid signals. */
    public static final OutputTag<UndecodableRecord> UNDECODABLE =
            new OutputTag<>("undecodable-signals", TypeInformation.of(UndecodableRecord.class));

    public static final String UNDECODABLE_METRIC = "undecodableSignals";

    private transient Counter undecodable;

    @Override
    public void open(OpenContext openContext) {
        undecodable = getRuntimeContext().getMetricGroup().counter(UNDECODABLE_METRIC);
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<Signal> out) {
        if (record.value() == null) {
            reject(record, "empty value", ctx);
            return;
        }
        try {
            out.collect(JsonCodec.SIGNAL.decode(record.value()));
        } catch (JsonCodecException e) {
            // Jackson's messages run over several lines; the first says what was wrong.
            reject(record, e.getMessage().lines().findFirst().orElse("invalid"), ctx);
        }
    }

    private void reject(RawRecord record, String reason, Context ctx) {
        undecodable.inc();
        LOG.warn("Skipping undecodable signal {}: {}", record.origin(), reason);
        ctx.output(UNDECODABLE, new UndecodableRecord(record.origin(), reason, record.value()));
    }
}
