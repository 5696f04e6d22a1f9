package io.cityops.ingest.parse;

import io.cityops.model.RejectionReason;
import java.util.Objects;

/** What a {@link PayloadParser} made of a payload: a reading to validate, or a failure. */
public sealed interface ParseResult {

    /** The payload had the expected shape. */
    record Parsed(ParsedReading reading) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(reading, "reading");
        }
    }

    /**
     * The payload could not be read.
     *
     * @param detail for an operator: what was wrong and where, e.g. {@code metric 'speedKmh' is a
     *     string, expected a number}
     */
    record Failed(RejectionReason reason, String detail) implements ParseResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
