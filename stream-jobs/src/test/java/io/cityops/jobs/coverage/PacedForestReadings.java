package io.cityops.jobs.coverage;

import io.cityops.jobs.detection.RawReading;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded, rate-limited source of forest readings stamped with the wall clock, in three phases
 * timed from the reader's start: every station reports, then only {@code survivors} do for a gap,
 * then every station again. Liveness runs on processing time, so this test's time is the clock's.
 */
final class PacedForestReadings implements GeneratorFunction<Long, RawReading> {
    private static final long serialVersionUID = 1L;
    static final int PER_SECOND = 24;

    private final List<String> all;
    private final List<String> survivors;
    private final long gapStartMs;
    private final long gapEndMs;
    private transient long start;

    private PacedForestReadings(
            List<String> all, List<String> survivors, long gapStartMs, long gapEndMs) {
        this.all = List.copyOf(all);
        this.survivors = List.copyOf(survivors);
        this.gapStartMs = gapStartMs;
        this.gapEndMs = gapEndMs;
    }

    static DataGeneratorSource<RawReading> source(
            List<String> all, List<String> survivors, long gapStartMs, long gapEndMs, long endMs) {
        return new DataGeneratorSource<>(
                new PacedForestReadings(all, survivors, gapStartMs, gapEndMs),
                PER_SECOND * endMs / 1000,
                RateLimiterStrategy.perSecond(PER_SECOND),
                TypeInformation.of(RawReading.class));
    }

    @Override
    public void open(SourceReaderContext readerContext) {
        start = System.currentTimeMillis();
    }

    @Override
    public RawReading map(Long index) {
        long now = System.currentTimeMillis();
        long elapsed = now - start;
        List<String> reporting = elapsed >= gapStartMs && elapsed < gapEndMs ? survivors : all;
        String id = reporting.get((int) (index % reporting.size()));
        Reading r = new Reading(id, Domain.FOREST, now, index, Map.of("temperatureC", 24.0));
        return new RawReading(Topics.readings(Domain.FOREST), id, JsonCodec.READING.encode(r));
    }
}
