package io.cityops.jobs.detection.power;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.json.JsonCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * A bounded source replaying a fixed script of readings as {@link SensorReading}s (the sensor
 * looked up in the city model). Run it at parallelism 1 so every meter's readings, and the script
 * as a whole, arrive in order, as one Kafka partition per meter would deliver them.
 */
final class ScriptedSensorReadings implements GeneratorFunction<Long, SensorReading> {
    private static final long serialVersionUID = 1L;

    private final ArrayList<byte[]> script = new ArrayList<>();
    private final CityModel city;

    private ScriptedSensorReadings(List<Reading> readings, CityModel city) {
        readings.forEach(r -> script.add(JsonCodec.READING.encode(r)));
        this.city = city;
    }

    static DataGeneratorSource<SensorReading> source(List<Reading> readings, CityModel city) {
        return new DataGeneratorSource<>(
                new ScriptedSensorReadings(readings, city),
                readings.size(),
                TypeInformation.of(SensorReading.class));
    }

    @Override
    public SensorReading map(Long index) {
        Reading r = JsonCodec.READING.decode(script.get(Math.toIntExact(index)));
        return new SensorReading(r, city.sensor(r.sensorId()).orElseThrow());
    }
}
