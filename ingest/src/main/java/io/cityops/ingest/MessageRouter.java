package io.cityops.ingest;

import io.cityops.ingest.validate.ReadingValidator;
import io.cityops.ingest.validate.ValidationOutcome;
import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.Topics;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Turns one MQTT message into the Kafka records that carry it on: each validated reading to {@code
 * readings.<domain>} keyed by sensor id, or the original bytes with the reason to {@code
 * readings.rejected}, keyed by the sensor the topic names (the topic itself when it names none).
 * Pure apart from the clock that stamps {@code receivedAt}.
 */
final class MessageRouter {
    private final ReadingValidator validator;
    private final Clock clock;

    MessageRouter(ReadingValidator validator, Clock clock) {
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * The records one message becomes: one per accepted reading (a SenML pack may hold several), or
     * the one rejection.
     */
    List<Outbound> route(String topic, byte[] payload) {
        ValidationOutcome outcome = validator.validate(topic, payload);
        if (outcome instanceof ValidationOutcome.Accepted accepted) {
            List<Outbound> out = new ArrayList<>(accepted.readings().size());
            for (Reading r : accepted.readings()) {
                out.add(
                        new Outbound(
                                Topics.readings(r.domain()),
                                utf8(r.sensorId()),
                                JsonCodec.READING.encode(r),
                                topic,
                                outcome));
            }
            return out;
        }
        ValidationOutcome.Rejected rejected = (ValidationOutcome.Rejected) outcome;
        String sensorId = namedSensor(topic);
        RejectedReading value =
                new RejectedReading(
                        rejected.reason(),
                        rejected.detail(),
                        topic,
                        sensorId,
                        clock.millis(),
                        Base64.getEncoder().encodeToString(payload));
        return List.of(
                new Outbound(
                        Topics.READINGS_REJECTED,
                        utf8(sensorId.isEmpty() ? topic : sensorId),
                        JsonCodec.REJECTED.encode(value),
                        topic,
                        outcome));
    }

    /** The sensor id a topic of the form sensors/<domain>/<id> names, else empty. */
    private static String namedSensor(String topic) {
        return Topics.parseSensorTopic(topic).map(Topics.SensorTopic::sensorId).orElse("");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
