package io.cityops.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cityops.model.Aggregate;
import io.cityops.model.Alert;
import io.cityops.model.AlertCommand;
import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.Signal;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.kpi.Kpi;
import java.io.IOException;
import java.io.Serializable;

/**
 * UTF-8 JSON encoding of one record type as it travels on Kafka. Unknown fields are ignored on
 * read, so producers can add fields without breaking older consumers. Thread-safe and serializable
 * (it is captured by Flink functions); the Jackson reader and writer are rebuilt after
 * deserialization.
 */
public final class JsonCodec<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final ObjectMapper MAPPER =
            JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public static final JsonCodec<Reading> READING = new JsonCodec<>(Reading.class);
    public static final JsonCodec<Signal> SIGNAL = new JsonCodec<>(Signal.class);
    public static final JsonCodec<Alert> ALERT = new JsonCodec<>(Alert.class);
    public static final JsonCodec<AlertCommand> ALERT_COMMAND = new JsonCodec<>(AlertCommand.class);
    public static final JsonCodec<RejectedReading> REJECTED =
            new JsonCodec<>(RejectedReading.class);
    public static final JsonCodec<Kpi> KPI = new JsonCodec<>(Kpi.class);
    public static final JsonCodec<Aggregate> AGGREGATE = new JsonCodec<>(Aggregate.class);
    public static final JsonCodec<SensorRegistration> REGISTRATION =
            new JsonCodec<>(SensorRegistration.class);

    private final Class<T> type;
    private transient ObjectReader reader;
    private transient ObjectWriter writer;

    public JsonCodec(Class<T> type) {
        this.type = type;
    }

    public Class<T> type() {
        return type;
    }

    public byte[] encode(T value) {
        try {
            return writer().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new JsonCodecException(
                    "cannot encode " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public T decode(byte[] bytes) {
        try {
            T value = reader().readValue(bytes);
            if (value == null) {
                throw new JsonCodecException("empty " + type.getSimpleName(), null);
            }
            return value;
        } catch (IOException e) {
            throw new JsonCodecException(
                    "not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new JsonCodecException(
                    "not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private ObjectReader reader() {
        ObjectReader r = reader;
        if (r == null) {
            r = MAPPER.readerFor(type);
            reader = r;
        }
        return r;
    }

    private ObjectWriter writer() {
        ObjectWriter w = writer;
        if (w == null) {
            w = MAPPER.writerFor(type);
            writer = w;
        }
        return w;
    }
}
