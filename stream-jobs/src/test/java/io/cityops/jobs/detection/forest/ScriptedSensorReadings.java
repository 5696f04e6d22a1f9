package io.cityops.jobs.detection.forest;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.city.Sensor;
import io.cityops.model.json.JsonCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded source replaying a fixed script of enriched readings (the detectors' input), split by
 * position between the source's parallel readers, each reading its part in order. The script is
 * kept as JSON readings and registry sensors, since {@link SensorReading} is not {@code
 * Serializable} (Flink serializes it as a POJO, not with Java serialization).
 */
final class ScriptedSensorReadings implements GeneratorFunction<Long, SensorReading> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<byte[]> readings = new ArrayList<>();
    private final HashMap<String, Sensor> sensors = new HashMap<>();

    private ScriptedSensorReadings(List<SensorReading> script) {
        for (SensorReading r : script) {
            readings.add(JsonCodec.READING.encode(r.reading()));
            sensors.put(r.sensorId(), r.sensor());
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
        var reading = JsonCodec.READING.decode(readings.get(Math.toIntExact(index)));
        return new SensorReading(reading, sensors.get(reading.sensorId()));
    }
}
