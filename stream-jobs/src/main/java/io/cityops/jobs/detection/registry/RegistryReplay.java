package io.cityops.jobs.detection.registry;

import io.cityops.model.city.SensorRegistration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded registry source replaying fixed entries, for runs without Kafka (tests, the benchmark):
 * e.g. the registrations of the city model's sensors, which change nothing the job does not know.
 */
public final class RegistryReplay implements GeneratorFunction<Long, SensorRegistration> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<SensorRegistration> entries;

    private RegistryReplay(List<SensorRegistration> entries) {
        this.entries = new ArrayList<>(entries);
    }

    /** A source emitting {@code entries} in order, then finishing; at least one entry. */
    public static DataGeneratorSource<SensorRegistration> of(List<SensorRegistration> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a registry replay needs at least one entry");
        }
        return new DataGeneratorSource<>(
                new RegistryReplay(entries),
                entries.size(),
                TypeInformation.of(SensorRegistration.class));
    }

    @Override
    public SensorRegistration map(Long index) {
        return entries.get(Math.toIntExact(index));
    }
}
