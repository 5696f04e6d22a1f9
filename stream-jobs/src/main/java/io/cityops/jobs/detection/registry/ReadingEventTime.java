package io.cityops.jobs.detection.registry;

import io.cityops.jobs.detection.SensorReading;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Stamps each enriched reading with its own event time ({@code ts}) and forwards watermarks
 * unchanged. Needed because readings released from the hold leave {@link SensorEnrichmentFunction}
 * from its broadcast side, carrying the registration's (absent) timestamp, and event-time windows
 * downstream need the reading's. Chains to the enrichment operator: no extra network hop.
 */
public final class ReadingEventTime extends AbstractStreamOperator<SensorReading>
        implements OneInputStreamOperator<SensorReading, SensorReading> {
    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(StreamRecord<SensorReading> element) {
        output.collect(element.replace(element.getValue(), element.getValue().ts()));
    }
}
