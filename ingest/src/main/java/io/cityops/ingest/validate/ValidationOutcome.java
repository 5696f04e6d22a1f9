package io.cityops.ingest.validate;

import io.cityops.model.Reading;
import io.cityops.model.RejectionReason;
import java.util.List;
import java.util.Objects;

/** The verdict on one MQTT message: readings for {@code readings.<domain>}, or a rejection. */
public sealed interface ValidationOutcome {

    /**
     * The message holds valid readings of a registered sensor: one for a native reading, one per
     * distinct time for a SenML pack, oldest first.
     */
    record Accepted(List<Reading> readings) implements ValidationOutcome {
        public Accepted {
            readings = List.copyOf(readings);
            if (readings.isEmpty()) {
                throw new IllegalArgumentException("an accepted message has at least one reading");
            }
        }

        public Accepted(Reading reading) {
            this(List.of(reading));
        }
    }

    /**
     * The message is refused.
     *
     * @param detail for an operator: what was wrong and where
     */
    record Rejected(RejectionReason reason, String detail) implements ValidationOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
