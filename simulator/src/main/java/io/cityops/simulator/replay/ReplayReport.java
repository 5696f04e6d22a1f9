package io.cityops.simulator.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What reading a recording found and did about it, for the operator and for tests: nothing is
 * dropped or invented silently.
 *
 * @param rows data rows in the file (header excluded)
 * @param blankRows rows with no content (e.g. the trailing {@code ;;;;} lines of a spreadsheet
 *     export)
 * @param badTimeRows rows whose time did not parse: skipped
 * @param outsideSlice rows outside {@code replay.from}..{@code replay.to}
 * @param newestFirst the file ran newest first (sorted oldest first for the replay)
 * @param outOfOrderRows rows earlier than the row before them in the file
 * @param duplicates rows repeating an instant already read: dropped, the first kept
 * @param missing per metric, cells that were empty or a missing-value marker: that metric skipped
 * @param unreadable per metric, cells that were not numbers: that metric skipped
 * @param impossible per metric, values outside the valid range (or, once converted, outside what
 *     the metric can physically be): that metric skipped
 * @param emptyInstants instants left with no metric at all: not replayed
 * @param step the usual spacing of the recording (the most common one)
 * @param gaps spacings over 1.5 steps: reported, never filled in
 */
public record ReplayReport(
        long rows,
        long blankRows,
        long badTimeRows,
        long outsideSlice,
        boolean newestFirst,
        long outOfOrderRows,
        long duplicates,
        Map<String, Long> missing,
        Map<String, Long> unreadable,
        Map<String, Long> impossible,
        long emptyInstants,
        long samples,
        Duration step,
        List<Gap> gaps) {

    /** No recorded instant between {@code after} and {@code before}. */
    public record Gap(Instant after, Instant before) {
        public Duration length() {
            return Duration.between(after, before);
        }

        @Override
        public String toString() {
            return after + " → " + before + " (" + length().toMinutes() + " min)";
        }
    }

    public ReplayReport {
        missing = Map.copyOf(missing);
        unreadable = Map.copyOf(unreadable);
        impossible = Map.copyOf(impossible);
        gaps = List.copyOf(gaps);
    }

    /** One line for the log. */
    public String summary() {
        return "%d rows → %d instants%s; %d duplicates dropped, %d blank, %d bad time, %d outside the slice;"
                        .formatted(
                                rows,
                                samples,
                                newestFirst ? " (file was newest first, sorted)" : "",
                                duplicates,
                                blankRows,
                                badTimeRows,
                                outsideSlice)
                + " missing "
                + counts(missing)
                + ", unreadable "
                + counts(unreadable)
                + ", impossible "
                + counts(impossible)
                + "; step "
                + step.toMinutes()
                + " min, "
                + gaps.size()
                + " gaps"
                + (gaps.isEmpty() ? "" : " (longest " + longest().toMinutes() + " min)");
    }

    private Duration longest() {
        return gaps.stream().map(Gap::length).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static String counts(Map<String, Long> m) {
        String s =
                m.entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(" "));
        return s.isEmpty() ? "none" : s;
    }
}
