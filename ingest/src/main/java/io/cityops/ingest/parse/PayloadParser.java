package io.cityops.ingest.parse;

import io.cityops.model.city.Sensor;

/**
 * Turns the bytes of one MQTT message into {@link ParsedReading}s, or says precisely why it cannot.
 * One implementation per wire format ({@link NativeReadingParser}, {@link SenmlPackParser}) and
 * {@link PayloadFormats} choosing between them; implementations are stateless and thread-safe.
 */
public interface PayloadParser {

    /**
     * Parses one payload published on the topic of {@code sensor} (registered, of the topic's
     * domain); never throws for bad input, which is a {@link ParseResult.Failed}.
     */
    ParseResult parse(byte[] payload, Sensor sensor);
}
