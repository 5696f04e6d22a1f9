package io.cityops.ingest.parse;

/**
 * Turns the bytes of one MQTT message into a {@link ParsedReading}, or says precisely why it
 * cannot. One implementation per wire format (native JSON now, SenML later); implementations are
 * stateless and thread-safe.
 */
public interface PayloadParser {

    /** Parses one payload; never throws for bad input, which is a {@link ParseResult.Failed}. */
    ParseResult parse(byte[] payload);
}
