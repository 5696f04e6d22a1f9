package io.cityops.opscenter.embedded;

import io.cityops.model.config.Settings;
import java.util.Locale;

/**
 * How the embedded HiveMQ CE keeps and hands out QoS 1 messages queued for subscribers (the ingest
 * bridges' shared subscription, the field units' sessions). Measured with {@code ./bench/run
 * --suites broker,bridge,e2e}; see {@code docs/performance.md}.
 *
 * @param persistence where queued messages live: {@link Persistence#FILE} survives a crash of the
 *     all-in-one process (a reading the broker acknowledged to its device is still delivered to a
 *     bridge after the restart); {@link Persistence#IN_MEMORY} drains a backlog faster and never
 *     stalls, but loses what is queued when the process dies
 * @param inflightWindow unacknowledged QoS 1 messages the broker keeps outstanding to one
 *     subscriber (bounded further by the subscriber's own MQTT 5 Receive Maximum; the bridge asks
 *     for 1024). HiveMQ's own limit is 50, which caps one subscriber at about 1 000 messages/s on
 *     loopback whatever it asks for
 */
public record MqttBrokerTuning(Persistence persistence, int inflightWindow) {
    /** Key of {@link #persistence()}: {@code file} or {@code in-memory}. */
    public static final String PERSISTENCE = "opscenter.mqtt-persistence";

    /** Key of {@link #inflightWindow()}. */
    public static final String INFLIGHT_WINDOW = "opscenter.mqtt-inflight-window";

    /** HiveMQ CE's own built-in window. */
    public static final int HIVEMQ_DEFAULT_WINDOW = 50;

    /** The window the all-in-one uses unless told otherwise: the bridge's Receive Maximum. */
    public static final int DEFAULT_WINDOW = 1024;

    /** Where the broker keeps queued messages. */
    public enum Persistence {
        FILE("file"),
        IN_MEMORY("in-memory");

        private final String hivemqMode;

        Persistence(String hivemqMode) {
            this.hivemqMode = hivemqMode;
        }

        /** The value of HiveMQ's {@code <persistence><mode>}. */
        public String hivemqMode() {
            return hivemqMode;
        }

        static Persistence parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "file", "file-based" -> FILE;
                case "in-memory", "memory" -> IN_MEMORY;
                default ->
                        throw new IllegalArgumentException(
                                PERSISTENCE
                                        + " must be 'file' or 'in-memory', not '"
                                        + value
                                        + "'");
            };
        }
    }

    public MqttBrokerTuning {
        if (inflightWindow < 1 || inflightWindow > 65_535) {
            throw new IllegalArgumentException(
                    INFLIGHT_WINDOW
                            + " must be between 1 and 65535 (MQTT packet ids), not "
                            + inflightWindow);
        }
    }

    /** Durable queues and the bridge-sized window: what the all-in-one runs by default. */
    public static MqttBrokerTuning defaults() {
        return new MqttBrokerTuning(Persistence.FILE, DEFAULT_WINDOW);
    }

    public static MqttBrokerTuning from(Settings s) {
        return new MqttBrokerTuning(
                Persistence.parse(s.get(PERSISTENCE, "file")),
                s.getInt(INFLIGHT_WINDOW, DEFAULT_WINDOW));
    }
}
