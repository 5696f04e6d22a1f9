package io.cityops.opscenter.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.cityops.jobs.detection.water.RiverLevelParams;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.Topics;
import io.cityops.model.city.Sensor;
import io.cityops.model.config.Settings;
import io.cityops.model.json.JsonCodec;
import io.cityops.opscenter.OpsCenter;
import io.cityops.opscenter.support.KafkaProbe;
import io.cityops.opscenter.support.TestStack;
import io.cityops.simulator.mqtt.PahoDeviceLinks;
import io.cityops.simulator.replay.Recording;
import io.cityops.simulator.replay.RecordingReader;
import io.cityops.simulator.replay.ReplayConfig;
import io.cityops.simulator.replay.ReplayResult;
import io.cityops.simulator.replay.Replayer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real flood through the whole platform: Storm Gloria's Agly hydrograph (Hub'Eau, January 2020, a
 * copy of the recording in src/test/resources/replay) replayed with the committed sample
 * configuration as the Nậm Giàng river gauge over its own MQTT account, through the bridge, Kafka
 * and the detection job. The recording keeps its 10-minute spacing in event time (shifted so that
 * it ends now) while it is published 30 000 times faster, so the detector's hold-off and rate of
 * rise see the real river; the test asserts the sequence of alarm levels and the recorded instants
 * they happen at, never how long anything took.
 */
class GloriaReplayIT {
    private static final String GAUGE = "wl-109-namgiang";
    private static final String STATION = "rs-109-namgiang";
    private static OpsCenter stack;

    @BeforeAll
    static void startStack() throws Exception {
        // The expected levels below follow from the detector's defaults: pin them. The stack's
        // short idleness (5 s) stays: the readings input goes idle between the stack's start and
        // the replay, which once made the registry's watermark take over and every later reading
        // late (671 to 720 of 720 in readings.late); this test guards against that.
        stack =
                TestStack.start(
                        Map.of(
                                RiverLevelParams.MARGIN_CM, "20",
                                RiverLevelParams.CLEAR_HOLD_OFF, "10m"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void stormGloriaRisesThroughEveryAlarmLevelAtNamGiangAndClearsOnTheRecession()
            throws Exception {
        ReplayConfig config = ReplayConfig.from(Settings.of(sampleConfig()));
        Recording recording = new RecordingReader(config).read();
        assertThat(recording.report().samples()).isEqualTo(720);
        assertThat(recording.report().newestFirst()).isTrue();
        Sensor gauge = stack.city().sensor(GAUGE).orElseThrow();

        try (KafkaProbe signals = new KafkaProbe(stack.config().kafkaBootstrap(), Topics.SIGNALS);
                KafkaProbe late =
                        new KafkaProbe(stack.config().kafkaBootstrap(), Topics.READINGS_LATE);
                PahoDeviceLinks links =
                        new PahoDeviceLinks(
                                stack.config().mqttUri(),
                                s -> Optional.of(TestStack.password(stack, s.id())),
                                1)) {
            ReplayResult replay =
                    new Replayer(config, gauge, links, Clock.systemUTC()).run(recording);
            assertThat(replay.published()).isEqualTo(720);
            assertThat(replay.dropped()).isZero();

            // Levels mapped 5.30–15.50 m → 205.00–213.00 m; I/II/III at 207.50/209.50/211.50 m,
            // left 20 cm below after 10 minutes there. Instants as recorded (UTC).
            List<Tuple> expected =
                    List.of(
                            at(replay, SignalAction.RAISE, 1, "2020-01-22T05:40:00Z"),
                            at(replay, SignalAction.UPDATE, 2, "2020-01-22T08:20:00Z"),
                            at(replay, SignalAction.UPDATE, 3, "2020-01-22T12:30:00Z"),
                            at(replay, SignalAction.UPDATE, 2, "2020-01-23T06:40:00Z"),
                            at(replay, SignalAction.UPDATE, 1, "2020-01-24T07:00:00Z"),
                            at(replay, SignalAction.CLEAR, 0, "2020-01-25T17:10:00Z"));
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    assertThat(waterLevelSignals(signals))
                                            .as(
                                                    "water.level signals of %s; %s",
                                                    STATION, lateness(late))
                                            .extracting(
                                                    Signal::action,
                                                    s -> s.attributes().get("level"),
                                                    Signal::eventTime)
                                            .containsExactlyElementsOf(expected));
        }
    }

    /** What readings.late holds, to tell a detector problem from an event-time one. */
    private static String lateness(KafkaProbe late) {
        return late.records().size()
                + " readings late"
                + late.records().stream()
                        .findFirst()
                        .map(r -> ", the first: " + new String(r.value(), UTF_8))
                        .orElse("");
    }

    private static Tuple at(ReplayResult replay, SignalAction action, int level, String recorded) {
        return tuple(
                action,
                String.valueOf(level),
                replay.timeline().eventTime(Instant.parse(recorded).toEpochMilli()));
    }

    private static List<Signal> waterLevelSignals(KafkaProbe probe) {
        return probe.records().stream()
                .map(ConsumerRecord::value)
                .map(JsonCodec.SIGNAL::decode)
                .filter(s -> s.type().equals("water.level") && s.subjectId().equals(STATION))
                .toList();
    }

    /**
     * The committed sample configuration (simulator's classpath), reading the test's copy of the
     * recording, published at one reading per 20 ms of wall time.
     */
    private static Map<String, String> sampleConfig() throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                GloriaReplayIT.class.getResourceAsStream(
                        "/cityops/replay/gloria-agly-namgiang.properties")) {
            p.load(in);
        }
        Map<String, String> keys = new HashMap<>();
        p.stringPropertyNames().forEach(k -> keys.put(k, p.getProperty(k)));
        String name = "/replay/hubeau_Y0634020_Agly_2020-01-21_25.csv";
        URL copy =
                Objects.requireNonNull(
                        GloriaReplayIT.class.getResource(name),
                        "the test's copy of the Gloria recording is missing: src/test/resources"
                                + name);
        try {
            keys.put("replay.file", Path.of(copy.toURI()).toString());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        keys.put("replay.speed", "30000"); // 10 recorded minutes per 20 ms
        return keys;
    }
}
