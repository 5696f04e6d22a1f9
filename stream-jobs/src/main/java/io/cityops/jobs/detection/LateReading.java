package io.cityops.jobs.detection;

import io.cityops.model.Reading;
import io.cityops.model.json.JsonCodec;

/**
 * A reading that reached the detection job behind the event-time watermark, too late for windows
 * and detectors: the value of the {@code readings.late} topic, kept for diagnosis of clock skew and
 * buffering devices.
 *
 * @param reading the reading as it arrived
 * @param watermark the job's event-time watermark (epoch ms) when it arrived
 * @param lateByMs how far behind the watermark its {@code ts} was ({@code watermark - ts})
 */
public record LateReading(Reading reading, long watermark, long lateByMs) {

    /** The JSON encoding of {@code readings.late}. */
    public static final JsonCodec<LateReading> JSON = new JsonCodec<>(LateReading.class);

    public static LateReading of(Reading reading, long watermark) {
        return new LateReading(reading, watermark, watermark - reading.ts());
    }
}
