package io.cityops.bench.micro;

import io.cityops.bench.support.Payloads;
import io.cityops.ingest.parse.NativeReadingParser;
import io.cityops.ingest.parse.PayloadFormats;
import io.cityops.ingest.validate.ReadingValidator;
import io.cityops.model.Reading;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.json.JsonCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the ingest bridge and the detection job spend per reading on the payload: the bridge's
 * streaming parse, its full validation (parse + registry and range checks), the re-encoding it
 * writes to Kafka, and the detection job's decode of that record (Jackson data binding).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParseValidateBenchmark {
    /**
     * A one-metric river gauge (~90 bytes) and a five-metric smart meter (~190 bytes) in native
     * JSON, and the river gauge as a one-record SenML pack (RFC 8428).
     */
    @Param({"RIVER_GAUGE", "CUSTOMER_METER", "RIVER_GAUGE_SENML"})
    public String kind;

    private NativeReadingParser parser;
    private ReadingValidator validator;
    private String topic;
    private byte[] payload;
    private byte[] kafkaValue;

    @Setup
    public void setUp() {
        CityModel city = CityModelLoader.sample();
        boolean senml = kind.endsWith("_SENML");
        SensorKind sensorKind = SensorKind.valueOf(kind.replace("_SENML", ""));
        Sensor sensor =
                city.sensors().stream()
                        .filter(s -> s.kind() == sensorKind)
                        .findFirst()
                        .orElseThrow();
        long ts = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();
        payload =
                senml
                        ? Payloads.senmlRiverLevel(sensor.id(), ts, 28_456.0)
                        : new Payloads(city).reading(sensor, ts, 42, 0.37);
        topic = Topics.sensor(sensor.domain(), sensor.id());
        Clock clock = Clock.fixed(Instant.ofEpochMilli(ts + 1000), ZoneOffset.UTC);
        parser = new NativeReadingParser();
        // What the bridge runs: the format chosen by the first byte, native or SenML.
        validator =
                new ReadingValidator(
                        city, new PayloadFormats(clock), 16_384, Duration.ofMinutes(5), clock);
        Object outcome = validator.validate(topic, payload);
        if (!(outcome instanceof io.cityops.ingest.validate.ValidationOutcome.Accepted a)) {
            throw new IllegalStateException("benchmark payload is not valid: " + outcome);
        }
        kafkaValue = JsonCodec.READING.encode(a.readings().get(0));
    }

    /** The native parser alone (streaming, no tree); the SenML case measures its rejection. */
    @Benchmark
    public Object parseNative() {
        return parser.parse(payload);
    }

    @Benchmark
    public Object parseAndValidate() {
        return validator.validate(topic, payload);
    }

    /** What the bridge does per message before Kafka: validate, then encode the record value. */
    @Benchmark
    public byte[] bridgeRoute() {
        var outcome =
                (io.cityops.ingest.validate.ValidationOutcome.Accepted)
                        validator.validate(topic, payload);
        return JsonCodec.READING.encode(outcome.readings().get(0));
    }

    /** The detection job's first operator: the Kafka value back into a {@link Reading}. */
    @Benchmark
    public Reading detectionDecode() {
        return JsonCodec.READING.decode(kafkaValue);
    }
}
