package io.cityops.ingest.parse;

import io.cityops.model.RejectionReason;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link PayloadParser} made of a payload: the readings to validate (one for a native
 * reading, one per distinct time for a SenML pack), or a failure.
 */
public sealed interface ParseResult {

    /** The payload had the expected shape; {@code readings} is never empty, oldest first. */
    record Parsed(List<ParsedReading> readings) implements ParseResult {
        public Parsed {
            readings = List.copyOf(readings);
            if (readings.isEmpty()) {
                throw new IllegalArgumentException("a parsed payload has at least one reading");
            }
        }

        public Parsed(ParsedReading reading) {
            this(List.of(reading));
        }

        /** The only reading of a single-reading payload. */
        public ParsedReading reading() {
            if (readings.size() != 1) {
                throw new IllegalStateException(
                        "the payload has " + readings.size() + " readings, not one");
            }
            return readings.get(0);
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
