package io.cityops.ingest.parse;

import static io.cityops.model.RejectionReason.BAD_TIMESTAMP;
import static io.cityops.model.RejectionReason.MALFORMED;
import static io.cityops.model.RejectionReason.MISSING_FIELD;
import static io.cityops.model.RejectionReason.NON_NUMERIC_VALUE;
import static io.cityops.model.RejectionReason.NOT_JSON;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.cityops.model.Reading;
import io.cityops.model.RejectionReason;
import io.cityops.model.city.Sensor;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the native reading format, {@code {"sensorId":"…","ts":<epoch ms or ISO-8601>,
 * "seq":<optional long>,"metrics":{"<name>":<number>,…}}}, straight from bytes with Jackson's
 * streaming parser (this is the ingest hot path: no tree, no data binding). Unknown top-level
 * fields are skipped so devices can add fields. NaN and Infinity literals are read as numbers so
 * validation can reject them for what they are rather than as broken JSON.
 */
public final class NativeReadingParser implements PayloadParser {
    private static final JsonFactory JSON =
            JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    @Override
    public ParseResult parse(byte[] payload, Sensor sensor) {
        return parse(payload);
    }

    /** Parses a native reading; the sensor it names is checked against the topic later. */
    public ParseResult parse(byte[] payload) {
        try (JsonParser p = JSON.createParser(payload)) {
            return new ParseResult.Parsed(readDocument(p));
        } catch (Bad e) {
            return new ParseResult.Failed(e.reason, e.getMessage());
        } catch (StreamReadException e) {
            return new ParseResult.Failed(
                    NOT_JSON, "not JSON" + at(e.getLocation()) + ": " + firstLine(e));
        } catch (IOException e) {
            return new ParseResult.Failed(
                    NOT_JSON, "not JSON: " + Quote.clean(String.valueOf(e.getMessage()), 120));
        }
    }

    private static ParsedReading readDocument(JsonParser p) throws IOException, Bad {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new Bad(NOT_JSON, "payload is empty");
        }
        if (t != JsonToken.START_OBJECT) {
            throw new Bad(MALFORMED, "payload is " + describe(t) + ", expected a JSON object");
        }
        String sensorId = null;
        Long ts = null;
        long seq = Reading.NO_SEQ;
        boolean seenSeq = false;
        Map<String, Double> metrics = null;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "sensorId" -> {
                    once(name, sensorId != null);
                    sensorId = sensorId(p, value);
                }
                case "ts" -> {
                    once(name, ts != null);
                    ts = timestamp(p, value);
                }
                case "seq" -> {
                    once(name, seenSeq);
                    seenSeq = true;
                    seq = sequence(p, value);
                }
                case "metrics" -> {
                    once(name, metrics != null);
                    metrics = metrics(p, value);
                }
                default -> p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw new Bad(
                    MALFORMED,
                    "unexpected content after the JSON object" + at(p.currentTokenLocation()));
        }
        require("sensorId", sensorId);
        require("ts", ts);
        require("metrics", metrics);
        return new ParsedReading(sensorId, ts, seq, Collections.unmodifiableMap(metrics));
    }

    private static String sensorId(JsonParser p, JsonToken t) throws IOException, Bad {
        nullIsMissing("sensorId", t);
        if (t != JsonToken.VALUE_STRING) {
            throw new Bad(MALFORMED, "sensorId is " + describe(t) + ", expected a string");
        }
        String id = p.getText();
        if (id.isBlank()) {
            throw new Bad(MALFORMED, "sensorId is empty");
        }
        return id;
    }

    private static long timestamp(JsonParser p, JsonToken t) throws IOException, Bad {
        nullIsMissing("ts", t);
        if (t == JsonToken.VALUE_NUMBER_INT) {
            if (p.getNumberType() == NumberType.BIG_INTEGER) {
                throw new Bad(
                        BAD_TIMESTAMP,
                        "ts "
                                + Quote.clean(p.getText(), 40)
                                + " is too large for epoch milliseconds");
            }
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            String text = p.getText();
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .toInstant()
                        .toEpochMilli();
            } catch (DateTimeException | ArithmeticException e) {
                throw new Bad(
                        BAD_TIMESTAMP,
                        "ts "
                                + Quote.of(text)
                                + " is not an ISO-8601 date-time with offset, e.g. 2025-06-01T10:00:00+07:00");
            }
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
            throw new Bad(
                    BAD_TIMESTAMP,
                    "ts "
                            + Quote.clean(p.getText(), 40)
                            + " is not a whole number of epoch milliseconds");
        }
        throw new Bad(
                BAD_TIMESTAMP,
                "ts is " + describe(t) + ", expected epoch milliseconds or an ISO-8601 string");
    }

    private static long sequence(JsonParser p, JsonToken t) throws IOException, Bad {
        if (t == JsonToken.VALUE_NULL) {
            return Reading.NO_SEQ;
        }
        if (t != JsonToken.VALUE_NUMBER_INT
                || p.getNumberType() == NumberType.BIG_INTEGER
                || p.getLongValue() < 0) {
            String what =
                    t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                            ? Quote.clean(p.getText(), 40)
                            : describe(t);
            throw new Bad(
                    MALFORMED, "seq is " + what + ", expected a whole number from 0 to 2^63-1");
        }
        return p.getLongValue();
    }

    private static Map<String, Double> metrics(JsonParser p, JsonToken t) throws IOException, Bad {
        nullIsMissing("metrics", t);
        if (t != JsonToken.START_OBJECT) {
            throw new Bad(
                    MALFORMED,
                    "metrics is " + describe(t) + ", expected an object of metric name to number");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
                throw new Bad(
                        NON_NUMERIC_VALUE,
                        "metric " + Quote.of(name) + " is " + describe(v) + ", expected a number");
            }
            if (metrics.put(name, p.getDoubleValue()) != null) {
                throw new Bad(MALFORMED, "metric " + Quote.of(name) + " appears twice");
            }
        }
        return metrics;
    }

    private static void once(String field, boolean seen) throws Bad {
        if (seen) {
            throw new Bad(MALFORMED, "field '" + field + "' appears twice");
        }
    }

    private static void nullIsMissing(String field, JsonToken t) throws Bad {
        if (t == JsonToken.VALUE_NULL) {
            throw new Bad(MISSING_FIELD, "field '" + field + "' is null");
        }
    }

    private static void require(String field, Object value) throws Bad {
        if (value == null) {
            throw new Bad(MISSING_FIELD, "field '" + field + "' is missing");
        }
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    private static String at(JsonLocation where) {
        return where == null || where.getLineNr() < 0
                ? ""
                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }

    private static String firstLine(StreamReadException e) {
        String m = String.valueOf(e.getOriginalMessage());
        int nl = m.indexOf('\n');
        return Quote.clean(nl < 0 ? m : m.substring(0, nl), 120);
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
