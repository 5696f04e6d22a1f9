package io.cityops.ingest.parse;

import io.cityops.model.city.Sensor;
import java.time.Clock;

/**
 * Chooses the wire format of a payload by its first non-whitespace byte: {@code [} is a SenML pack
 * (RFC 8428 JSON, always an array), anything else goes to the native reading parser (a JSON object
 * with {@code sensorId} and {@code metrics}), which names what is wrong with it. Devices need no
 * content-type property, so a plain MQTT 3 client can send either.
 */
public final class PayloadFormats implements PayloadParser {
    private final NativeReadingParser nativeParser = new NativeReadingParser();
    private final SenmlPackParser senml;

    public PayloadFormats(Clock clock) {
        this.senml = new SenmlPackParser(clock);
    }

    @Override
    public ParseResult parse(byte[] payload, Sensor sensor) {
        return isSenml(payload) ? senml.parse(payload, sensor) : nativeParser.parse(payload);
    }

    /** True when the first byte that is not JSON whitespace opens an array. */
    static boolean isSenml(byte[] payload) {
        for (byte b : payload) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '[';
            }
        }
        return false;
    }
}
