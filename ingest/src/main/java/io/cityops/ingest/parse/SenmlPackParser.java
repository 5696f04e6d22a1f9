package io.cityops.ingest.parse;

import static io.cityops.model.RejectionReason.BAD_TIMESTAMP;
import static io.cityops.model.RejectionReason.EMPTY_METRICS;
import static io.cityops.model.RejectionReason.MALFORMED;
import static io.cityops.model.RejectionReason.MISSING_FIELD;
import static io.cityops.model.RejectionReason.NON_NUMERIC_VALUE;
import static io.cityops.model.RejectionReason.NOT_JSON;
import static io.cityops.model.RejectionReason.TOPIC_MISMATCH;
import static io.cityops.model.RejectionReason.UNKNOWN_METRIC;
import static io.cityops.model.RejectionReason.UNKNOWN_UNIT;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.cityops.model.Reading;
import io.cityops.model.RejectionReason;
import io.cityops.model.city.Sensor;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a SenML pack (RFC 8428, JSON representation) published on a sensor's topic. Base fields
 * ({@code bn}, {@code bt}, {@code bu}, {@code bv}, {@code bs}, {@code bver}) apply to their record
 * and the ones after it; a time below 2^28 s is relative to now (RFC 8428 §4.5.3); names are {@code
 * bn + n} and must name the topic's sensor ({@code urn:dev:id:<sensorId>:}, {@code <sensorId>/} or
 * {@code <sensorId>:} as prefix) followed by a measurement name that {@link SenmlVocabulary} maps,
 * with a unit it converts. Records at the same time become one reading; records at different times,
 * several readings, oldest first. The whole pack is rejected when one record is bad: a message is
 * accepted or refused as one.
 */
public final class SenmlPackParser {
    /** RFC 8428 §4.5.3: times below 2^28 s are relative to the current time. */
    static final double RELATIVE_TIME_LIMIT = 1 << 28;

    /** RFC 8428 §4.4: the version this parser implements. */
    static final int VERSION = 10;

    /** RFC 8428 §4.5.1: the characters a name may contain, starting with a letter or digit. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:./_-]*");

    private static final JsonFactory JSON =
            JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private final Clock clock;

    public SenmlPackParser(Clock clock) {
        this.clock = clock;
    }

    public ParseResult parse(byte[] payload, Sensor sensor) {
        try (JsonParser p = JSON.createParser(payload)) {
            return new ParseResult.Parsed(new Pack(sensor, clock.millis()).read(p));
        } catch (Bad e) {
            return new ParseResult.Failed(e.reason, e.getMessage());
        } catch (StreamReadException e) {
            String m = String.valueOf(e.getOriginalMessage());
            int nl = m.indexOf('\n');
            return new ParseResult.Failed(
                    NOT_JSON, "not JSON: " + Quote.clean(nl < 0 ? m : m.substring(0, nl), 120));
        } catch (IOException e) {
            return new ParseResult.Failed(
                    NOT_JSON, "not JSON: " + Quote.clean(String.valueOf(e.getMessage()), 120));
        }
    }

    /** The state of reading one pack: the base fields in force and the readings so far. */
    private static final class Pack {
        private final Sensor sensor;
        private final long nowMs;
        private final TreeMap<Long, Map<String, Double>> byTime = new TreeMap<>();
        private String baseName = "";
        private double baseTime;
        private String baseUnit;
        private double baseValue;
        private double baseSum;
        private int index;

        Pack(Sensor sensor, long nowMs) {
            this.sensor = sensor;
            this.nowMs = nowMs;
        }

        List<ParsedReading> read(JsonParser p) throws IOException, Bad {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new Bad(MALFORMED, "a SenML pack is a JSON array of records");
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                index++;
                if (t != JsonToken.START_OBJECT) {
                    throw new Bad(MALFORMED, where() + "is not a JSON object");
                }
                record(p);
            }
            if (p.nextToken() != null) {
                throw new Bad(MALFORMED, "unexpected content after the SenML pack");
            }
            if (byTime.isEmpty()) {
                throw new Bad(EMPTY_METRICS, "the SenML pack has no record with a value");
            }
            List<ParsedReading> readings = new ArrayList<>(byTime.size());
            byTime.forEach(
                    (ts, metrics) ->
                            readings.add(
                                    new ParsedReading(
                                            sensor.id(),
                                            ts,
                                            Reading.NO_SEQ,
                                            Collections.unmodifiableMap(metrics))));
            return readings;
        }

        private void record(JsonParser p) throws IOException, Bad {
            String name = null;
            String unit = null;
            Double value = null;
            Double sum = null;
            double time = 0;
            String nonNumeric = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "bn" -> baseName = baseName(text(p, v, field));
                    case "bt" -> baseTime = number(p, v, field);
                    case "bu" -> baseUnit = text(p, v, field);
                    case "bv" -> baseValue = number(p, v, field);
                    case "bs" -> baseSum = number(p, v, field);
                    case "bver" -> version(p, v);
                    case "n" -> name = text(p, v, field);
                    case "u" -> unit = text(p, v, field);
                    case "v" -> value = number(p, v, field);
                    case "s" -> sum = number(p, v, field);
                    case "t" -> time = number(p, v, field);
                    case "vs", "vb", "vd" -> {
                        nonNumeric = field;
                        p.skipChildren();
                    }
                    default -> {
                        if (field.endsWith("_")) {
                            // RFC 8428 §4.4: a field ending in '_' must be understood, or the pack
                            // rejected.
                            throw new Bad(
                                    MALFORMED,
                                    where()
                                            + "has the must-understand field "
                                            + Quote.of(field)
                                            + ", which ingest does not support");
                        }
                        p.skipChildren(); // e.g. "ut": ignored, as RFC 8428 allows
                    }
                }
            }
            if (nonNumeric != null) {
                throw new Bad(
                        NON_NUMERIC_VALUE,
                        where()
                                + "has a "
                                + nonNumeric
                                + " value; ingest takes numbers only ('v' or 's')");
            }
            if (value == null && sum == null) {
                if (name == null) {
                    return; // a record of base fields only
                }
                throw new Bad(MISSING_FIELD, where() + "has no value ('v' or 's')");
            }
            String measurement = measurement(baseName + (name == null ? "" : name));
            double raw = value != null ? baseValue + value : baseSum + sum;
            Optional<String> u = Optional.ofNullable(unit != null ? unit : baseUnit);
            SenmlVocabulary.Result r =
                    SenmlVocabulary.resolve(sensor.domain(), measurement, u, raw);
            if (r.miss() != null) {
                throw miss(r.miss(), measurement, u);
            }
            long ts = timestamp(baseTime + time);
            String key = r.resolved().metric().key();
            Map<String, Double> metrics = byTime.computeIfAbsent(ts, k -> new LinkedHashMap<>());
            if (metrics.put(key, r.resolved().value()) != null) {
                throw new Bad(
                        MALFORMED,
                        where()
                                + "gives "
                                + key
                                + " a second time for the same time "
                                + java.time.Instant.ofEpochMilli(ts));
            }
        }

        /** The part of bn naming the device must be the topic's sensor; the rest prefixes n. */
        private String baseName(String bn) throws Bad {
            return deviceRelative(bn, true);
        }

        private String measurement(String fullName) throws Bad {
            String m = deviceRelative(fullName, false);
            if (!NAME.matcher(m).matches()) {
                throw new Bad(
                        MALFORMED,
                        where()
                                + "has the name "
                                + Quote.of(fullName)
                                + ", not a SenML name (RFC 8428 §4.5.1)");
            }
            return m;
        }

        /**
         * Strips a device prefix naming this sensor; one naming another device is a mismatch. A
         * base name must carry such a prefix; a full name may be the measurement name alone.
         */
        private String deviceRelative(String name, boolean mustNameDevice) throws Bad {
            String id = sensor.id();
            for (String prefix : new String[] {"urn:dev:id:" + id, id}) {
                if (name.startsWith(prefix)) {
                    String rest = name.substring(prefix.length());
                    if (rest.isEmpty()) {
                        return rest;
                    }
                    if (rest.charAt(0) == ':' || rest.charAt(0) == '/') {
                        return rest.substring(1);
                    }
                }
            }
            if (mustNameDevice || name.startsWith("urn:dev:")) {
                throw new Bad(
                        TOPIC_MISMATCH,
                        where()
                                + "names "
                                + Quote.of(name)
                                + ", not the topic's sensor "
                                + Quote.of(id)
                                + " (expected urn:dev:id:"
                                + id
                                + ": or "
                                + id
                                + "/)");
            }
            return name;
        }

        private long timestamp(double seconds) throws Bad {
            if (!Double.isFinite(seconds)) {
                throw new Bad(BAD_TIMESTAMP, where() + "has a time that is not a finite number");
            }
            double ms =
                    Math.abs(seconds) < RELATIVE_TIME_LIMIT
                            ? nowMs + seconds * 1000
                            : seconds * 1000;
            if (Math.abs(ms) > 9.0e15) {
                throw new Bad(BAD_TIMESTAMP, where() + "has the time " + seconds + " s, too large");
            }
            return Math.round(ms);
        }

        private Bad miss(SenmlVocabulary.Miss miss, String name, Optional<String> unit) {
            return switch (miss) {
                case UNKNOWN_NAME ->
                        new Bad(
                                UNKNOWN_METRIC,
                                where()
                                        + "has the name "
                                        + Quote.of(name)
                                        + ", not a measurement of domain "
                                        + sensor.domain().topicName()
                                        + " (known: "
                                        + SenmlVocabulary.namesOf(sensor.domain())
                                        + ")");
                case NO_UNIT ->
                        new Bad(
                                MISSING_FIELD,
                                where()
                                        + "has no unit ('u' or 'bu') for "
                                        + Quote.of(name)
                                        + " (accepted: "
                                        + units(name)
                                        + ")");
                case UNKNOWN_UNIT ->
                        new Bad(
                                UNKNOWN_UNIT,
                                where()
                                        + "gives "
                                        + Quote.of(name)
                                        + " in "
                                        + Quote.of(unit.orElse(""))
                                        + " (accepted: "
                                        + units(name)
                                        + ")");
            };
        }

        private String units(String name) {
            return SenmlVocabulary.metric(sensor.domain(), name)
                    .map(SenmlVocabulary::unitsOf)
                    .orElse("");
        }

        private void version(JsonParser p, JsonToken v) throws IOException, Bad {
            double version = number(p, v, "bver");
            if (version > VERSION) {
                throw new Bad(
                        MALFORMED,
                        where()
                                + "needs SenML version "
                                + Quote.clean(p.getText(), 20)
                                + "; ingest implements version "
                                + VERSION);
            }
        }

        private String text(JsonParser p, JsonToken v, String field) throws IOException, Bad {
            if (v != JsonToken.VALUE_STRING) {
                throw new Bad(MALFORMED, where() + "has '" + field + "' that is not a string");
            }
            return p.getText();
        }

        private double number(JsonParser p, JsonToken v, String field) throws IOException, Bad {
            if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
                RejectionReason reason =
                        field.equals("v") || field.equals("s") ? NON_NUMERIC_VALUE : MALFORMED;
                p.skipChildren();
                throw new Bad(reason, where() + "has '" + field + "' that is not a number");
            }
            return p.getDoubleValue();
        }

        private String where() {
            return "SenML record " + index + " ";
        }
    }

    /** Ends parsing with a reason; no stack trace, because bad payloads are routine. */
    private static final class Bad extends Exception {
        private static final long serialVersionUID = 1L;
        final RejectionReason reason;

        Bad(RejectionReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }
}
