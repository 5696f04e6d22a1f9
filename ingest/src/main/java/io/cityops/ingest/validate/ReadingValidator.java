package io.cityops.ingest.validate;

import static io.cityops.model.RejectionReason.BAD_TIMESTAMP;
import static io.cityops.model.RejectionReason.BAD_TOPIC;
import static io.cityops.model.RejectionReason.EMPTY_METRICS;
import static io.cityops.model.RejectionReason.FUTURE_TIMESTAMP;
import static io.cityops.model.RejectionReason.NON_FINITE_VALUE;
import static io.cityops.model.RejectionReason.OUT_OF_RANGE;
import static io.cityops.model.RejectionReason.OVERSIZE;
import static io.cityops.model.RejectionReason.TOPIC_MISMATCH;
import static io.cityops.model.RejectionReason.UNKNOWN_METRIC;
import static io.cityops.model.RejectionReason.UNKNOWN_SENSOR;

import io.cityops.ingest.parse.ParseResult;
import io.cityops.ingest.parse.ParsedReading;
import io.cityops.ingest.parse.PayloadParser;
import io.cityops.ingest.parse.Quote;
import io.cityops.ingest.registry.SensorDirectory;
import io.cityops.model.Domain;
import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.RejectionReason;
import io.cityops.model.Topics;
import io.cityops.model.Topics.SensorTopic;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides whether an MQTT message is a reading the platform accepts. Pure apart from the injected
 * clock. Checks run cheapest first and the first failure wins: size (before parsing), topic shape,
 * sensor registration, topic/sensor agreement, then the payload: metrics present, known to the
 * domain, finite, physically possible, and a timestamp neither in the future nor before 2000. A
 * payload holding several readings (a SenML pack) is accepted only when every reading passes.
 */
public final class ReadingValidator {
    /** Readings older than this come from a device with an unset clock (or epoch seconds). */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final SensorDirectory sensors;
    private final PayloadParser parser;
    private final int maxPayloadBytes;
    private final Duration futureTolerance;
    private final Clock clock;

    /** A validator checking sensors against the city model's, fixed. */
    public ReadingValidator(
            CityModel city,
            PayloadParser parser,
            int maxPayloadBytes,
            Duration futureTolerance,
            Clock clock) {
        this(SensorDirectory.of(city), parser, maxPayloadBytes, futureTolerance, clock);
    }

    /**
     * A validator checking sensors against {@code sensors}, e.g. a live registry: a sensor added
     * there is accepted from the next message on, a retired one rejected as UNKNOWN_SENSOR.
     */
    public ReadingValidator(
            SensorDirectory sensors,
            PayloadParser parser,
            int maxPayloadBytes,
            Duration futureTolerance,
            Clock clock) {
        if (maxPayloadBytes <= 0 || futureTolerance.isNegative()) {
            throw new IllegalArgumentException(
                    "maxPayloadBytes must be > 0 and futureTolerance >= 0");
        }
        this.sensors = Objects.requireNonNull(sensors, "sensors");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.maxPayloadBytes = maxPayloadBytes;
        this.futureTolerance = futureTolerance;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Validates one message as it arrived: its MQTT topic and raw payload. */
    public ValidationOutcome validate(String topic, byte[] payload) {
        if (payload.length > maxPayloadBytes) {
            return reject(
                    OVERSIZE,
                    "payload is %d bytes, over the %d-byte limit",
                    payload.length,
                    maxPayloadBytes);
        }
        Optional<SensorTopic> parsedTopic = Topics.parseSensorTopic(topic);
        if (parsedTopic.isEmpty()) {
            return reject(
                    BAD_TOPIC,
                    "topic %s is not sensors/<traffic|forest|environment|power>/<sensorId>",
                    Quote.of(topic));
        }
        SensorTopic where = parsedTopic.get();
        Optional<Sensor> registered = sensors.sensor(where.sensorId());
        if (registered.isEmpty()) {
            return reject(
                    UNKNOWN_SENSOR,
                    sensors.retired(where.sensorId())
                            ? "sensor %s is retired from the registry"
                            : "sensor %s is not registered",
                    Quote.of(where.sensorId()));
        }
        Sensor sensor = registered.get();
        if (sensor.domain() != where.domain()) {
            return reject(
                    TOPIC_MISMATCH,
                    "sensor %s is a %s of domain %s but published under %s",
                    Quote.of(sensor.id()),
                    sensor.kind(),
                    sensor.domain().topicName(),
                    where.domain().topicName());
        }
        ParseResult parsed = parser.parse(payload, sensor);
        if (parsed instanceof ParseResult.Failed failed) {
            return new ValidationOutcome.Rejected(failed.reason(), failed.detail());
        }
        List<ParsedReading> readings = ((ParseResult.Parsed) parsed).readings();
        List<Reading> accepted = new ArrayList<>(readings.size());
        for (int i = 0; i < readings.size(); i++) {
            ValidationOutcome one = checkPayload(sensor, readings.get(i));
            if (one instanceof ValidationOutcome.Rejected r) {
                // A pack is accepted or refused as one message; say which of its readings failed.
                return readings.size() == 1
                        ? r
                        : new ValidationOutcome.Rejected(
                                r.reason(),
                                "reading %d of %d (ts %s): %s"
                                        .formatted(
                                                i + 1,
                                                readings.size(),
                                                Instant.ofEpochMilli(readings.get(i).ts()),
                                                r.detail()));
            }
            accepted.addAll(((ValidationOutcome.Accepted) one).readings());
        }
        return new ValidationOutcome.Accepted(accepted);
    }

    private ValidationOutcome checkPayload(Sensor sensor, ParsedReading r) {
        Domain domain = sensor.domain();
        if (!r.sensorId().equals(sensor.id())) {
            return reject(
                    TOPIC_MISMATCH,
                    "payload sensorId %s differs from the topic's sensor %s",
                    Quote.of(r.sensorId()),
                    Quote.of(sensor.id()));
        }
        if (r.metrics().isEmpty()) {
            return reject(EMPTY_METRICS, "metrics is empty; a reading carries at least one metric");
        }
        for (String name : r.metrics().keySet()) {
            if (domain.metric(name).isEmpty()) {
                return reject(
                        UNKNOWN_METRIC,
                        "metric %s is not a metric of domain %s (known: %s)",
                        Quote.of(name),
                        domain.topicName(),
                        knownMetrics(domain));
            }
        }
        for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
            if (!Double.isFinite(m.getValue())) {
                return reject(
                        NON_FINITE_VALUE,
                        "metric %s is %s, expected a finite number",
                        Quote.of(m.getKey()),
                        m.getValue());
            }
        }
        for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
            Metric metric = domain.metric(m.getKey()).orElseThrow();
            if (!metric.isPossible(m.getValue())) {
                return reject(
                        OUT_OF_RANGE,
                        "metric %s = %s %s is outside the possible range [%s, %s]",
                        Quote.of(m.getKey()),
                        number(m.getValue()),
                        metric.unit(),
                        number(metric.min()),
                        number(metric.max()));
            }
        }
        Instant now = clock.instant();
        if (r.ts() > now.plus(futureTolerance).toEpochMilli()) {
            return reject(
                    FUTURE_TIMESTAMP,
                    "ts %s is %d s ahead of the bridge clock %s (tolerance %d s)",
                    Instant.ofEpochMilli(r.ts()),
                    (r.ts() - now.toEpochMilli()) / 1000,
                    now,
                    futureTolerance.toSeconds());
        }
        if (r.ts() < EARLIEST.toEpochMilli()) {
            return reject(
                    BAD_TIMESTAMP,
                    "ts %d (%s) is before %s; epoch seconds instead of milliseconds, or an unset device"
                            + " clock?",
                    r.ts(),
                    Instant.ofEpochMilli(r.ts()),
                    EARLIEST);
        }
        return new ValidationOutcome.Accepted(
                new Reading(r.sensorId(), domain, r.ts(), r.seq(), r.metrics()));
    }

    private static String knownMetrics(Domain domain) {
        return domain.metrics().stream().map(Metric::key).collect(Collectors.joining(", "));
    }

    /** Whole numbers without a trailing {@code .0}, so details read like the payload. */
    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : Double.toString(v);
    }

    private static ValidationOutcome reject(RejectionReason reason, String detail, Object... args) {
        return new ValidationOutcome.Rejected(
                reason, args.length == 0 ? detail : detail.formatted(args));
    }
}
