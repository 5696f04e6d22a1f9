package io.cityops.ingest.validate;

import io.cityops.model.Reading;
import io.cityops.model.RejectionReason;
import java.util.Objects;

/** The verdict on one MQTT message: a reading for {@code readings.<domain>}, or a rejection. */
public sealed interface ValidationOutcome {

    /** The message is a valid reading of a registered sensor. */
    record Accepted(Reading reading) implements ValidationOutcome {
        public Accepted {
            Objects.requireNonNull(reading, "reading");
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
