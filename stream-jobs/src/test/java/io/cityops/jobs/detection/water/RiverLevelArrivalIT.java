package io.cityops.jobs.detection.water;

import static io.cityops.jobs.testing.RiverFixtures.MUONG_TE_GAUGE;
import static io.cityops.jobs.testing.RiverFixtures.MUONG_TE_STATION;
import static io.cityops.jobs.testing.RiverFixtures.NAM_GIANG_GAUGE;
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
import io.cityops.jobs.detection.registry.RegistryReplay;
import io.cityops.jobs.testing.FlinkCluster;
import io.cityops.jobs.testing.JsonLinesSink;
import io.cityops.jobs.testing.RiverFixtures;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
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
 * The whole detection job with the default river evaluation ({@code arrival}): DetectionJobIT's
 * river, whose signals all come although the watermark never gets past minute 20 of its 80 (an
 * out-of-orderness of one hour and a source that never ends). Evaluated in event-time order, only
 * the two signals of minute 10 would come (the test fails so). The readings come from one reader,
 * so each gauge's readings arrive in order, as they do from a Kafka partition keyed by sensor.
 */
class RiverLevelArrivalIT {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkCluster.withParallelismTwo();

    /** As in DetectionJobIT: Mường Tè rises through levels I and II and falls back. */
    private static final double[] MUONG_TE_CM = {
        28_500, 28_550, 28_610, 28_700, 28_790, 28_820, 28_850, 28_810, 28_760, 28_720, 28_700,
        28_650, 28_570, 28_550, 28_540, 28_530, 28_520
    };

    @Test
    void theRiversSignalsComeWithoutWaitingForTheWatermark(@TempDir Path tmp) throws Exception {
        List<RawReading> script = new ArrayList<>();
        for (int i = 0; i < MUONG_TE_CM.length; i++) {
            script.add(raw(waterLevel(MUONG_TE_GAUGE, 5 * i, MUONG_TE_CM[i])));
            script.add(raw(waterLevel(NAM_GIANG_GAUGE, 5 * i, 20_400 + i))); // below its level I
        }
        Path signalsDir = Files.createDirectory(tmp.resolve("signals"));
        Path lateDir = Files.createDirectory(tmp.resolve("late"));

        StreamExecutionEnvironment env = FlinkCluster.environment();
        env.configure(DetectionJob.runtimeOptions()); // as the job runs: object reuse, no Kryo
        env.setParallelism(1); // one reader: each gauge's readings in order, as from Kafka
        env.enableCheckpointing(300); // the collecting sinks flush on checkpoints
        DetectionJob.defineWorkflow(
                env,
                new DataGeneratorSource<>(
                        new ScriptThenRepeatLast(script),
                        Long.MAX_VALUE,
                        RateLimiterStrategy.perSecond(50),
                        TypeInformation.of(RawReading.class)),
                RegistryReplay.of(
                        RiverFixtures.city().sensors().stream()
                                .map(SensorRegistration::of)
                                .toList()),
                new DetectionSinks(
                        new JsonLinesSink<>(signalsDir, JsonCodec.SIGNAL),
                        new JsonLinesSink<>(
                                Files.createDirectory(tmp.resolve("agg")), JsonCodec.AGGREGATE),
                        new JsonLinesSink<>(lateDir, LateReading.JSON),
                        new JsonLinesSink<>(
                                Files.createDirectory(tmp.resolve("rejected")),
                                JsonCodec.REJECTED)),
                RiverFixtures.city(),
                DetectionJobConfig.from(
                        Settings.of(
                                Map.of(
                                        DetectionJobConfig.UNKNOWN_SENSOR_HOLD, "0s",
                                        // The watermark stays an hour behind minute 80.
                                        DetectionJobConfig.OUT_OF_ORDERNESS, "1h"))));
        JobClient job = env.executeAsync("river-arrival-it");
        List<Signal> water;
        try {
            JsonLinesSink.awaitAtLeast(
                    signalsDir,
                    JsonCodec.SIGNAL,
                    RiverLevelArrivalIT::isWater,
                    6,
                    Duration.ofSeconds(45));
            Thread.sleep(1_000); // long enough for a signal too many to show
            water =
                    JsonLinesSink.readAll(
                            signalsDir, JsonCodec.SIGNAL, RiverLevelArrivalIT::isWater);
        } finally {
            job.cancel().get();
        }

        // Exactly DetectionJobIT's river signals (there in event-time order, after the watermark).
        assertThat(water)
                .filteredOn(s -> s.type().equals("water.level"))
                .extracting(
                        Signal::subjectId,
                        Signal::action,
                        s -> s.attributes().get("level"),
                        Signal::eventTime)
                .containsExactly(
                        tuple(MUONG_TE_STATION, SignalAction.RAISE, "1", minute(10)),
                        tuple(MUONG_TE_STATION, SignalAction.UPDATE, "2", minute(25)),
                        tuple(MUONG_TE_STATION, SignalAction.UPDATE, "1", minute(50)),
                        tuple(MUONG_TE_STATION, SignalAction.CLEAR, "0", minute(70)));
        assertThat(water)
                .filteredOn(s -> s.type().equals("water.rise"))
                .extracting(Signal::subjectId, Signal::action, Signal::eventTime)
                .containsExactly(
                        tuple(MUONG_TE_STATION, SignalAction.RAISE, minute(10)),
                        tuple(MUONG_TE_STATION, SignalAction.CLEAR, minute(75)));
        assertThat(JsonLinesSink.read(lateDir, LateReading.JSON).stream().flatMap(List::stream))
                .isEmpty();
    }

    /**
     * The script in order, then its last reading again and again: a duplicate, so event time never
     * advances past it, and the source never ends (which would advance the watermark to the end).
     */
    private record ScriptThenRepeatLast(ArrayList<RawReading> readings)
            implements GeneratorFunction<Long, RawReading> {
        ScriptThenRepeatLast(List<RawReading> readings) {
            this(new ArrayList<>(readings));
        }

        @Override
        public RawReading map(Long index) {
            return readings.get((int) Math.min(index, readings.size() - 1));
        }
    }

    private static boolean isWater(Signal s) {
        return s.type().startsWith("water.");
    }
}
