package io.cityops.jobs.detection;

import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.RejectionReason;
import io.cityops.model.json.JsonCodec;
import io.cityops.model.json.JsonCodecException;
import java.util.Base64;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes raw Kafka values into {@link Reading}s. A value that is not a valid reading never fails
 * the job: it leaves through {@link #REJECTED} as a {@link RejectedReading} with reason {@link
 * RejectionReason#MALFORMED}, the Kafka topic in {@code topic} and the Kafka key as sensor id.
 */
public final class ReadingDecoder extends ProcessFunction<RawReading, Reading> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReadingDecoder.class);

    /** Values that could not be decoded, on their way to the dead-letter topic. */
    public static final OutputTag<RejectedReading> REJECTED =
            new OutputTag<>("rejected-readings", TypeInformation.of(RejectedReading.class));

    private transient Counter rejected;

    @Override
    public void open(OpenContext openContext) {
        rejected = getRuntimeContext().getMetricGroup().counter("malformedReadings");
    }

    @Override
    public void processElement(RawReading raw, Context ctx, Collector<Reading> out) {
        Reading reading;
        try {
            reading = JsonCodec.READING.decode(raw.payload());
        } catch (JsonCodecException e) {
            String detail =
                    e.getMessage().replace('\n', ' '); // Jackson puts the location on a new line
            rejected.inc();
            // Ingest validates everything it writes, so this is a contract breach worth a line
            // each.
            LOG.warn(
                    "malformed reading on {} key '{}' rejected: {}",
                    raw.topic(),
                    raw.key(),
                    detail);
            ctx.output(REJECTED, rejection(raw, detail));
            return;
        }
        out.collect(reading);
    }

    private static RejectedReading rejection(RawReading raw, String detail) {
        return new RejectedReading(
                RejectionReason.MALFORMED,
                detail,
                raw.topic(),
                raw.key(),
                System.currentTimeMillis(),
                Base64.getEncoder().encodeToString(raw.payload()));
    }
}
