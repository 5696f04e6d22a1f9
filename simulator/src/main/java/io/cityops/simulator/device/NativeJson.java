package io.cityops.simulator.device;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.cityops.model.Metric;
import io.cityops.model.Reading;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The native JSON payload a device publishes (ARCHITECTURE.md, Contracts): {@code
 * {"sensorId":"…","ts":<epoch ms>,"seq":<n>,"metrics":{…}}}, metrics in a stable order and numbers
 * in plain notation (an energy register reads 12345678.9, not 1.23456789E7).
 */
public final class NativeJson {
    private static final JsonFactory JSON = new JsonFactory();

    private NativeJson() {}

    public static byte[] encode(Reading r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(192);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("sensorId", r.sensorId());
            g.writeNumberField("ts", r.ts());
            if (r.seq() != Reading.NO_SEQ) {
                g.writeNumberField("seq", r.seq());
            }
            g.writeObjectFieldStart("metrics");
            for (Metric m : Metric.values()) {
                if (r.has(m)) {
                    g.writeFieldName(m.key());
                    g.writeNumber(
                            BigDecimal.valueOf(r.value(m)).stripTrailingZeros().toPlainString());
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode reading of " + r.sensorId(), e);
        }
        return out.toByteArray();
    }
}
