package io.cityops.jobs.detection.environment;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.city.Sensor;
import io.cityops.model.json.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded source replaying a fixed script of already-enriched readings, split by position between
 * the source's parallel readers (each reads its part in order).
 */
final class ScriptedSensorReadings implements GeneratorFunction<Long, SensorReading> {
    private static final long serialVersionUID = 1L;

    // Readings are not Serializable: the script travels as the model's JSON, sensors as they are.
    private final ArrayList<byte[]> readings = new ArrayList<>();
    private final ArrayList<Sensor> sensors = new ArrayList<>();

    private ScriptedSensorReadings(List<SensorReading> script) {
        for (SensorReading r : script) {
            readings.add(JsonCodec.READING.encode(r.reading()));
            sensors.add(r.sensor());
        }
    }

    static DataGeneratorSource<SensorReading> source(List<SensorReading> script) {
        return new DataGeneratorSource<>(
                new ScriptedSensorReadings(script),
                script.size(),
                TypeInformation.of(SensorReading.class));
    }

    @Override
    public SensorReading map(Long index) {
        int i = Math.toIntExact(index);
        return new SensorReading(JsonCodec.READING.decode(readings.get(i)), sensors.get(i));
    }
}
