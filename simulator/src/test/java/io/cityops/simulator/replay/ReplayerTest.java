package io.cityops.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cityops.model.Reading;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.Sensor;
import io.cityops.model.config.Settings;
import io.cityops.model.json.JsonCodec;
import io.cityops.simulator.mqtt.DeviceLink;
import io.cityops.simulator.mqtt.DeviceLinkFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The sample Gloria replay, through a fake link that refuses every other first offer. */
class ReplayerTest {
    private static final Instant NOW = Instant.parse("2025-11-23T08:00:00Z");
    private static final Sensor GAUGE =
            CityModelLoader.sample().sensor("wl-109-namgiang").orElseThrow();

    /** The committed sample configuration, pointed at the test's copy of the recording. */
    static Map<String, String> sampleConfig() throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                ReplayerTest.class.getResourceAsStream(
                        "/cityops/replay/gloria-agly-namgiang.properties")) {
            p.load(in);
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        m.remove("replay.from"); // the test's copy holds 17-20 January, the sample's slice later
        m.remove("replay.to");
        m.put(
                "replay.file",
                RecordingReaderTest.resource("hubeau_Y0634020_Agly_2020-01-17_20.csv").toString());
        return m;
    }

    @Test
    void readingsGoOutInRecordedOrderStampedBackToNowWithTheRealSpacing() throws Exception {
        Map<String, String> keys = sampleConfig();
        keys.put("replay.from", "2020-01-20T12:00:00Z");
        keys.put("replay.to", "2020-01-21T00:00:00Z");
        keys.put("replay.speed", "max");
        ReplayConfig config = ReplayConfig.from(Settings.of(keys));
        Recording recording = new RecordingReader(config).read();
        Links links = new Links();

        ReplayResult result =
                new Replayer(config, GAUGE, links, Clock.fixed(NOW, ZoneOffset.UTC)).run(recording);

        assertThat(result.published()).isEqualTo(71);
        assertThat(result.dropped()).isZero();
        assertThat(links.topic).isEqualTo("sensors/environment/wl-109-namgiang");
        List<Reading> sent =
                links.payloads.stream().map(b -> JsonCodec.READING.decode(withDomain(b))).toList();
        assertThat(sent).hasSize(71);
        assertThat(sent.get(70).ts())
                .as("the last instant lands on now")
                .isEqualTo(NOW.toEpochMilli());
        assertThat(sent.get(0).ts())
                .as("12:00 to 23:50 keeps its 11 h 50 min")
                .isEqualTo(NOW.minus(Duration.ofMinutes(710)).toEpochMilli());
        assertThat(sent).extracting(Reading::seq).isSorted();
        assertThat(sent)
                .extracting(Reading::ts)
                .isSorted()
                .doesNotContain(
                        result.timeline()
                                .eventTime(Instant.parse("2020-01-20T15:10:00Z").toEpochMilli()));
        assertThat(links.refusals).as("every reading was offered twice").isEqualTo(71);
    }

    @Test
    void aLiveReplayThatWouldStampReadingsInTheFutureIsRefused() throws Exception {
        Map<String, String> keys = sampleConfig();
        keys.put("replay.time.anchor", "start");
        ReplayConfig config = ReplayConfig.from(Settings.of(keys));
        Recording recording = new RecordingReader(config).read();

        assertThatThrownBy(() -> ReplayTimeline.of(config, recording.samples(), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ahead of the clock");
    }

    @Test
    void compressedTimeRunsAsFastAsTheWallClock() throws Exception {
        Map<String, String> keys = sampleConfig();
        keys.put("replay.time.anchor", "start");
        keys.put("replay.time.compress", "true");
        keys.put("replay.speed", "600");
        ReplayConfig config = ReplayConfig.from(Settings.of(keys));
        Recording recording = new RecordingReader(config).read();

        ReplayTimeline t = ReplayTimeline.of(config, recording.samples(), NOW);

        long tenMinutesIn = Instant.parse("2020-01-17T00:10:00Z").toEpochMilli();
        assertThat(t.eventTime(tenMinutesIn)).isEqualTo(NOW.toEpochMilli() + 1000);
        assertThat(t.wallOffset(tenMinutesIn)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aMetricOutsideTheSensorsDomainIsRefusedUpFront() throws Exception {
        Map<String, String> keys = sampleConfig();
        keys.put("replay.metrics", "voltageV");
        keys.put("replay.metric.voltageV.column", "resultat_obs");
        ReplayConfig config = ReplayConfig.from(Settings.of(keys));

        assertThatThrownBy(() -> new Replayer(config, GAUGE, new Links(), Clock.systemUTC()))
                .hasMessageContaining("voltageV is not a metric of wl-109-namgiang");
    }

    /** The reading JSON lacks the domain a Kafka reading carries; add it for decoding. */
    private static byte[] withDomain(byte[] nativeJson) {
        String s = new String(nativeJson, java.nio.charset.StandardCharsets.UTF_8);
        return s.replaceFirst("\\{", "{\"domain\":\"ENVIRONMENT\",")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One link that refuses each payload's first offer, as a full receive window does. */
    static final class Links implements DeviceLinkFactory {
        final List<byte[]> payloads = new CopyOnWriteArrayList<>();
        volatile String topic;
        int refusals;
        private boolean refuseNext = true;

        @Override
        public DeviceLink open(Sensor sensor, String topic) {
            this.topic = topic;
            return new DeviceLink() {
                @Override
                public CompletableFuture<Void> connect() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public boolean publish(byte[] payload, Runnable delivered, Runnable dropped) {
                    if (refuseNext) {
                        refuseNext = false;
                        refusals++;
                        return false;
                    }
                    refuseNext = true;
                    payloads.add(payload);
                    delivered.run();
                    return true;
                }

                @Override
                public boolean isConnected() {
                    return true;
                }

                @Override
                public CompletableFuture<Void> disconnect() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void close() {}
            };
        }

        @Override
        public void close() {}
    }
}
