package io.cityops.jobs.testing;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import io.cityops.model.json.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded source replaying a fixed script of enriched readings (the detectors' input), split by
 * position between the source's parallel readers, each reading its part in order. The readings
 * travel as the model's JSON, since {@link SensorReading} is not {@code Serializable} (Flink
 * serializes it as a POJO), and each is joined again with the sensor it was scripted with, so a
 * script may move a sensor half way.
 */
public final class ScriptedSensorReadings implements GeneratorFunction<Long, SensorReading> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<byte[]> readings = new ArrayList<>();
    private final ArrayList<Sensor> sensors = new ArrayList<>();

    private ScriptedSensorReadings(List<SensorReading> script) {
        for (SensorReading r : script) {
            readings.add(JsonCodec.READING.encode(r.reading()));
            sensors.add(r.sensor());
        }
    }

    /** The script as it is. */
    public static DataGeneratorSource<SensorReading> source(List<SensorReading> script) {
        return new DataGeneratorSource<>(
                new ScriptedSensorReadings(script),
                script.size(),
                TypeInformation.of(SensorReading.class));
    }

    /** Readings enriched with their sensors from {@code city}. */
    public static DataGeneratorSource<SensorReading> source(
            List<Reading> readings, CityModel city) {
        return source(
                readings.stream()
                        .map(r -> new SensorReading(r, city.sensor(r.sensorId()).orElseThrow()))
                        .toList());
    }

    @Override
    public SensorReading map(Long index) {
        int i = Math.toIntExact(index);
        return new SensorReading(JsonCodec.READING.decode(readings.get(i)), sensors.get(i));
    }
}
