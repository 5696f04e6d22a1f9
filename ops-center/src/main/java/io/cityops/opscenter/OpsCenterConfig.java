package io.cityops.opscenter;

import io.cityops.model.config.Settings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the all-in-one puts its embedded servers and data. Every port is configurable and every
 * server binds to loopback by default; the defaults avoid the well-known ports (1883, 9092, 8086).
 *
 * @param workDir Kafka log, broker data and Flink checkpoints live here and survive a restart
 * @param checkpointInterval Flink checkpoint interval; alerts become visible downstream of the
 *     exactly-once sinks only at checkpoints, so this bounds the alert latency
 * @param ingest whether to run an ingest bridge in this JVM (off when bridges run as their own
 *     processes)
 * @param influxPort port of the {@code influxd} the all-in-one starts when InfluxDB is installed
 *     and no {@code influx.url} is configured
 * @param simulator whether to run the province simulator (off in production and in tests that
 *     publish their own readings)
 * @param security whether the broker requires every client to log in with its own account and
 *     limits it to its own topics ({@code security.enabled}, on unless turned off)
 */
public record OpsCenterConfig(
        Path workDir,
        String bindAddress,
        int mqttPort,
        int kafkaPort,
        int kafkaControllerPort,
        int flinkWebPort,
        int parallelism,
        Duration checkpointInterval,
        boolean ingest,
        boolean simulator,
        boolean security,
        int influxPort) {

    public static OpsCenterConfig from(Settings s) {
        return new OpsCenterConfig(
                Path.of(s.get("opscenter.work-dir", "work")),
                s.get("opscenter.bind-address", "127.0.0.1"),
                s.getInt("opscenter.mqtt-port", 11883),
                s.getInt("opscenter.kafka-port", 19092),
                s.getInt("opscenter.kafka-controller-port", 19093),
                s.getInt("opscenter.flink-web-port", 18081),
                s.getInt("opscenter.parallelism", 2),
                s.getDuration("flink.checkpoint.interval", Duration.ofSeconds(2)),
                s.getBoolean("opscenter.ingest", true),
                s.getBoolean("opscenter.simulator", true),
                s.getBoolean("security.enabled", true),
                s.getInt("opscenter.influx-port", 18086));
    }

    public String mqttUri() {
        return "tcp://" + bindAddress + ":" + mqttPort;
    }

    public String kafkaBootstrap() {
        return bindAddress + ":" + kafkaPort;
    }
}
