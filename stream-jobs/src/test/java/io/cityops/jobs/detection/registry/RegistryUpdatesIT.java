package io.cityops.jobs.detection.registry;

import static io.cityops.jobs.testing.RiverFixtures.MUONG_TE_GAUGE;
import static io.cityops.jobs.testing.RiverFixtures.MUONG_TE_STATION;
import static io.cityops.jobs.testing.RiverFixtures.minute;
import static io.cityops.jobs.testing.RiverFixtures.raw;
import static io.cityops.jobs.testing.RiverFixtures.waterLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.DetectionJob;
import io.cityops.jobs.detection.DetectionJobConfig;
import io.cityops.jobs.detection.DetectionSinks;
import io.cityops.jobs.detection.LateReading;
import io.cityops.jobs.detection.RawReading;
import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.jobs.testing.JsonLinesSink;
import io.cityops.jobs.testing.RiverFixtures;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.config.Settings;
import io.cityops.model.json.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sensor added on the registry stream while the job runs: its readings are detected. The registry
 * source here never ends, as in production, so the job's event time advancing at all (the river
 * detector waits for the watermark) shows that the registry does not hold it back.
 */
class RegistryUpdatesIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkCluster.withParallelismTwo();

    private static final Sensor ORIGINAL =
            RiverFixtures.city().sensor(MUONG_TE_GAUGE).orElseThrow();

    /** A second gauge at Mường Tè, not in the city model. */
    private static final Sensor NEW_GAUGE =
            new Sensor(
                    "wl-200-muongte-b",
                    ORIGINAL.kind(),
                    ORIGINAL.districtId(),
                    MUONG_TE_STATION,
                    ORIGINAL.location(),
                    ORIGINAL.heartbeatSec());

    private static final double[] LEVELS_CM = {28_500, 28_550, 28_610, 28_700, 28_790, 28_820};

    @Test
    void aSensorRegisteredWhileTheJobRunsHasItsReadingsDetected(@TempDir Path tmp)
            throws Exception {
        List<RawReading> script = new ArrayList<>();
        for (int i = 0; i < LEVELS_CM.length; i++) {
            script.add(raw(waterLevel(NEW_GAUGE.id(), 5 * i, LEVELS_CM[i])));
        }
        Path signalsDir = Files.createDirectory(tmp.resolve("signals"));
        Path rejectedDir = Files.createDirectory(tmp.resolve("rejected"));

        StreamExecutionEnvironment env = FlinkCluster.environment();

        env.configure(DetectionJob.runtimeOptions()); // as the job runs: object reuse, no Kryo
        env.enableCheckpointing(300); // the collecting sinks flush on checkpoints
        DetectionJob.defineWorkflow(
                env,
                new DataGeneratorSource<>(
                        new Script(script),
                        script.size(),
                        RateLimiterStrategy.perSecond(1),
                        TypeInformation.of(RawReading.class)),
                new DataGeneratorSource<>(
                        new EndlessRegistration(SensorRegistration.of(NEW_GAUGE)),
                        Long.MAX_VALUE,
                        RateLimiterStrategy.perSecond(5),
                        TypeInformation.of(SensorRegistration.class)),
                new DetectionSinks(
                        new JsonLinesSink<>(signalsDir, JsonCodec.SIGNAL),
                        new JsonLinesSink<>(
                                Files.createDirectory(tmp.resolve("agg")), JsonCodec.AGGREGATE),
                        new JsonLinesSink<>(
                                Files.createDirectory(tmp.resolve("late")), LateReading.JSON),
                        new JsonLinesSink<>(rejectedDir, JsonCodec.REJECTED)),
                RiverFixtures.city(),
                DetectionJobConfig.from(
                        Settings.of(
                                Map.of(
                                        DetectionJobConfig.UNKNOWN_SENSOR_HOLD,
                                        "60s",
                                        // Event time then waits for the end of the readings,
                                        // whenever the registration is read relative to them.
                                        DetectionJobConfig.OUT_OF_ORDERNESS,
                                        "1h",
                                        // Readings wait for the watermark (so event time must
                                        // advance), in event-time order (the two readers of
                                        // the script interleave the gauge's readings).
                                        "detection.water.evaluation",
                                        "event-time"))));
        JobClient job = env.executeAsync("registry-updates-it");
        List<Signal> water;
        try {
            water =
                    JsonLinesSink.awaitAtLeast(
                            signalsDir,
                            JsonCodec.SIGNAL,
                            s -> s.type().equals("water.level"),
                            2,
                            Duration.ofSeconds(45));
        } finally {
            job.cancel().get();
        }

        assertThat(water)
                .extracting(
                        Signal::subjectId,
                        Signal::action,
                        s -> s.attributes().get("level"),
                        Signal::eventTime)
                .containsExactly(
                        tuple(MUONG_TE_STATION, SignalAction.RAISE, "1", minute(10)),
                        tuple(MUONG_TE_STATION, SignalAction.UPDATE, "2", minute(25)));
        assertThat(
                        JsonLinesSink.read(rejectedDir, JsonCodec.REJECTED).stream()
                                .flatMap(List::stream))
                .isEmpty();
    }

    /** The readings, in order, at a pace that lets the registry be read meanwhile. */
    private record Script(ArrayList<RawReading> readings)
            implements GeneratorFunction<Long, RawReading> {
        Script(List<RawReading> readings) {
            this(new ArrayList<>(readings));
        }

        @Override
        public RawReading map(Long index) {
            return readings.get(Math.toIntExact(index));
        }
    }

    /** The same registration, again and again: idempotent, and the source never finishes. */
    private record EndlessRegistration(SensorRegistration entry)
            implements GeneratorFunction<Long, SensorRegistration> {
        @Override
        public SensorRegistration map(Long index) {
            return entry;
        }
    }
}
