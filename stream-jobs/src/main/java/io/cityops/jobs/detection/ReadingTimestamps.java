package io.cityops.jobs.detection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * Event time of a raw reading: the {@code ts} field of its JSON, read at the source so that
 * watermarks are generated per Kafka partition. Only the top-level {@code ts} is scanned (the full
 * decode happens once, downstream). A payload without a readable {@code ts} gets {@link
 * Long#MIN_VALUE}, which never advances the watermark; such a payload is rejected by the decoder.
 */
public final class ReadingTimestamps implements SerializableTimestampAssigner<RawReading> {
    private static final long serialVersionUID = 1L;

    /** The timestamp of a payload whose event time cannot be read. */
    public static final long UNREADABLE = Long.MIN_VALUE;

    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public long extractTimestamp(RawReading raw, long kafkaTimestamp) {
        return eventTime(raw.payload());
    }

    /** The top-level {@code ts} of a JSON object, or {@link #UNREADABLE}. */
    public static long eventTime(byte[] json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return UNREADABLE;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("ts")) {
                    return value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : UNREADABLE;
                }
                p.skipChildren();
            }
            return UNREADABLE;
        } catch (IOException e) {
            return UNREADABLE;
        }
    }
}
