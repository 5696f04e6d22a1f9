package io.cityops.jobs.testing;

import io.cityops.jobs.detection.RawReading;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded source replaying a fixed script of raw Kafka values, split by position between the
 * source's parallel readers (each reads its part in order), like partitions of a topic.
 */
public final class ScriptedReadings implements GeneratorFunction<Long, RawReading> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<RawReading> script;

    private ScriptedReadings(List<RawReading> script) {
        this.script = new ArrayList<>(script);
    }

    public static DataGeneratorSource<RawReading> source(List<RawReading> script) {
        return new DataGeneratorSource<>(
                new ScriptedReadings(script), script.size(), TypeInformation.of(RawReading.class));
    }

    @Override
    public RawReading map(Long index) {
        return script.get(Math.toIntExact(index));
    }
}
