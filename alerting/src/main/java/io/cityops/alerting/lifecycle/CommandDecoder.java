package io.cityops.alerting.lifecycle;

import io.cityops.model.AlertCommand;
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
 * Decodes the alert-commands topic's JSON values. A record that is not a valid command is logged,
 * counted (metric {@value #UNDECODABLE_METRIC}) and sent to {@link #UNDECODABLE}; it never fails
 * the job.
 */
public final class CommandDecoder extends ProcessFunction<RawRecord, AlertCommand> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CommandDecoder.class);

    /** Side output of records that are not valid commands. */
    public static final OutputTag<UndecodableRecord> UNDECODABLE =
            new OutputTag<>("undecodable-commands", TypeInformation.of(UndecodableRecord.class));

    public static final String UNDECODABLE_METRIC = "undecodableCommands";

    private transient Counter undecodable;

    @Override
    public void open(OpenContext openContext) {
        undecodable = getRuntimeContext().getMetricGroup().counter(UNDECODABLE_METRIC);
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<AlertCommand> out) {
        if (record.value() == null) {
            reject(record, "empty value", ctx);
            return;
        }
        try {
            out.collect(JsonCodec.ALERT_COMMAND.decode(record.value()));
        } catch (JsonCodecException e) {
            reject(record, e.getMessage().lines().findFirst().orElse("invalid"), ctx);
        }
    }

    private void reject(RawRecord record, String reason, Context ctx) {
        undecodable.inc();
        LOG.warn("Skipping undecodable command {}: {}", record.origin(), reason);
        ctx.output(UNDECODABLE, new UndecodableRecord(record.origin(), reason, record.value()));
    }
}
