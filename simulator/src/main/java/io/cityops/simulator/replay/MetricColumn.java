package io.cityops.simulator.replay;

import io.cityops.model.Metric;
import java.util.Objects;
import java.util.Optional;

/**
 * How one CSV column becomes one metric: the recorded value is checked against the column's
 * plausible range (in the recording's unit), then either mapped linearly from a source range onto a
 * target range (e.g. a French river's height onto a Lai Châu station's alarm levels) or scaled as
 * {@code value × factor + offset}.
 *
 * @param validRange values outside it cannot come from a working instrument: skipped and counted
 * @param sourceRange the recorded range mapped onto {@code targetRange}; empty = the slice's own
 *     min..max
 * @param targetRange when present, the linear mapping replaces factor and offset
 */
public record MetricColumn(
        Metric metric,
        String column,
        double factor,
        double offset,
        Optional<Range> validRange,
        Optional<Range> sourceRange,
        Optional<Range> targetRange) {

    /** A closed interval {@code min..max}. */
    public record Range(double min, double max) {
        public Range {
            if (!(min <= max)) {
                throw new IllegalArgumentException("a range needs min <= max: " + min + ".." + max);
            }
        }

        public boolean contains(double v) {
            return v >= min && v <= max;
        }

        /** Parses {@code 20500..21300}. */
        public static Range parse(String key, String text) {
            int dots = text.indexOf("..");
            if (dots < 0) {
                throw new IllegalArgumentException(key + " must look like min..max, not " + text);
            }
            try {
                return new Range(
                        Double.parseDouble(text.substring(0, dots).trim()),
                        Double.parseDouble(text.substring(dots + 2).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must look like min..max, not " + text);
            }
        }

        @Override
        public String toString() {
            return min + ".." + max;
        }
    }

    public MetricColumn {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(column, "column");
        if (sourceRange.isPresent() && targetRange.isEmpty()) {
            throw new IllegalArgumentException(
                    metric.key() + ": a source-range needs a target-range");
        }
        if (targetRange.isPresent() && (factor != 1 || offset != 0)) {
            throw new IllegalArgumentException(
                    metric.key() + ": give either factor/offset or a target-range, not both");
        }
    }

    /** The value as the metric, given the source range the slice actually had. */
    double convert(double recorded, Range observed) {
        if (targetRange.isEmpty()) {
            return recorded * factor + offset;
        }
        Range from = sourceRange.orElse(observed);
        Range to = targetRange.get();
        double span = from.max() - from.min();
        return span == 0
                ? to.min()
                : to.min() + (recorded - from.min()) * (to.max() - to.min()) / span;
    }
}
