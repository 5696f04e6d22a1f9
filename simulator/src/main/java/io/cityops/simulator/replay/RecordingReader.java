package io.cityops.simulator.replay;

import io.cityops.simulator.replay.MetricColumn.Range;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a recorded CSV file as {@link ReplayConfig} describes it and cleans it the way real files
 * need: rows sorted oldest first (Hub'Eau files run newest first), repeated instants dropped,
 * missing-value markers and impossible values skipped per metric, gaps reported but never filled.
 * Everything it skips it counts in the {@link ReplayReport}.
 */
public final class RecordingReader {
    private final ReplayConfig config;
    private final DateTimeFormatter pattern;

    public RecordingReader(ReplayConfig config) {
        this.config = config;
        this.pattern =
                config.timeFormat().equals("iso")
                        ? null
                        : DateTimeFormatter.ofPattern(config.timeFormat());
    }

    public Recording read() throws IOException {
        try (Reader r = Files.newBufferedReader(config.file(), StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    /** Raw cells of one row with its recorded time; the file position breaks ties stably. */
    private record Row(long at, int line, List<String> cells) {}

    Recording read(Reader source) throws IOException {
        BufferedReader in = new BufferedReader(source);
        String headerLine = in.readLine();
        if (headerLine == null) {
            throw new IOException(config.file() + " is empty");
        }
        List<String> header =
                CsvLine.split(stripBom(headerLine), config.separator()).stream()
                        .map(String::trim)
                        .toList();
        int[] timeIdx = config.timeColumns().stream().mapToInt(c -> index(header, c)).toArray();
        Map<MetricColumn, Integer> metricIdx = new LinkedHashMap<>();
        config.metrics().forEach(m -> metricIdx.put(m, index(header, m.column())));

        long rows = 0;
        long blank = 0;
        long badTime = 0;
        long outside = 0;
        long descending = 0;
        long ascending = 0;
        long outOfOrder = 0;
        Long previous = null;
        List<Row> kept = new ArrayList<>();
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            rows++;
            if (!hasContent(line)) {
                blank++;
                continue;
            }
            List<String> cells = CsvLine.split(line, config.separator());
            Long at = time(cells, timeIdx);
            if (at == null) {
                badTime++;
                continue;
            }
            if (previous != null) {
                if (at < previous) {
                    descending++;
                    outOfOrder++;
                } else if (at > previous) {
                    ascending++;
                }
            }
            previous = at;
            if (config.from().isPresent() && at < config.from().get().toEpochMilli()
                    || config.to().isPresent() && at >= config.to().get().toEpochMilli()) {
                outside++;
                continue;
            }
            kept.add(new Row(at, lineNo, cells));
        }
        boolean newestFirst = descending > 0 && ascending == 0;
        if (newestFirst) {
            outOfOrder = 0; // a file sorted newest first is in order, just the other way round
        }
        kept.sort(Comparator.comparingLong(Row::at).thenComparingInt(Row::line));

        long duplicates = 0;
        List<Row> unique = new ArrayList<>(kept.size());
        for (Row r : kept) {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).at() == r.at()) {
                duplicates++;
            } else {
                unique.add(r);
            }
        }

        Map<String, Long> missing = zeroes();
        Map<String, Long> unreadable = zeroes();
        Map<String, Long> impossible = zeroes();
        List<Map<MetricColumn, Double>> raw = new ArrayList<>(unique.size());
        Map<MetricColumn, double[]> observed = new HashMap<>();
        for (Row r : unique) {
            Map<MetricColumn, Double> values = new LinkedHashMap<>();
            for (Map.Entry<MetricColumn, Integer> m : metricIdx.entrySet()) {
                MetricColumn col = m.getKey();
                String key = col.metric().key();
                String cell = m.getValue() < r.cells().size() ? r.cells().get(m.getValue()) : "";
                cell = cell.trim();
                if (cell.isEmpty() || config.missingMarkers().contains(cell)) {
                    missing.merge(key, 1L, Long::sum);
                    continue;
                }
                double v;
                try {
                    v = Double.parseDouble(config.decimalComma() ? cell.replace(',', '.') : cell);
                } catch (NumberFormatException e) {
                    unreadable.merge(key, 1L, Long::sum);
                    continue;
                }
                if (isNumericMarker(v)) {
                    missing.merge(key, 1L, Long::sum);
                    continue;
                }
                if (!Double.isFinite(v)
                        || col.validRange().map(vr -> !vr.contains(v)).orElse(false)) {
                    impossible.merge(key, 1L, Long::sum);
                    continue;
                }
                values.put(col, v);
                double[] mm = observed.computeIfAbsent(col, c -> new double[] {v, v});
                mm[0] = Math.min(mm[0], v);
                mm[1] = Math.max(mm[1], v);
            }
            raw.add(values);
        }

        List<Sample> samples = new ArrayList<>(unique.size());
        long emptyInstants = 0;
        for (int i = 0; i < unique.size(); i++) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Map.Entry<MetricColumn, Double> e : raw.get(i).entrySet()) {
                MetricColumn col = e.getKey();
                double[] mm = observed.get(col);
                double v = col.convert(e.getValue(), new Range(mm[0], mm[1]));
                if (!col.metric().isPossible(v)) {
                    impossible.merge(col.metric().key(), 1L, Long::sum);
                } else {
                    metrics.put(col.metric().key(), v);
                }
            }
            if (metrics.isEmpty()) {
                emptyInstants++;
            } else {
                samples.add(new Sample(unique.get(i).at(), metrics));
            }
        }

        Duration step = step(unique);
        List<ReplayReport.Gap> gaps = new ArrayList<>();
        for (int i = 1; i < unique.size(); i++) {
            long d = unique.get(i).at() - unique.get(i - 1).at();
            if (!step.isZero() && d * 2 > step.toMillis() * 3) {
                gaps.add(
                        new ReplayReport.Gap(
                                Instant.ofEpochMilli(unique.get(i - 1).at()),
                                Instant.ofEpochMilli(unique.get(i).at())));
            }
        }
        return new Recording(
                samples,
                new ReplayReport(
                        rows,
                        blank,
                        badTime,
                        outside,
                        newestFirst,
                        outOfOrder,
                        duplicates,
                        missing,
                        unreadable,
                        impossible,
                        emptyInstants,
                        samples.size(),
                        step,
                        gaps));
    }

    /** The most common spacing between consecutive instants (the smallest on a tie). */
    private static Duration step(List<Row> rows) {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        for (int i = 1; i < rows.size(); i++) {
            counts.merge(rows.get(i).at() - rows.get(i - 1).at(), 1, Integer::sum);
        }
        long best = 0;
        int most = 0;
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return Duration.ofMillis(best);
    }

    private boolean isNumericMarker(double v) {
        for (String m : config.missingMarkers()) {
            try {
                if (Double.parseDouble(m) == v) {
                    return true;
                }
            } catch (NumberFormatException e) {
                // a text marker such as NA
            }
        }
        return false;
    }

    private Long time(List<String> cells, int[] idx) {
        StringBuilder text = new StringBuilder();
        for (int i : idx) {
            if (i >= cells.size()) {
                return null;
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(cells.get(i).trim());
        }
        try {
            return parseTime(text.toString());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private long parseTime(String t) {
        if (pattern != null) {
            return LocalDateTime.parse(t, pattern).atZone(config.zone()).toInstant().toEpochMilli();
        }
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.replaceFirst(" ", "T") : t;
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            return LocalDateTime.parse(iso).atZone(config.zone()).toInstant().toEpochMilli();
        }
    }

    private Map<String, Long> zeroes() {
        Map<String, Long> m = new LinkedHashMap<>();
        config.metrics().forEach(c -> m.put(c.metric().key(), 0L));
        return m;
    }

    private int index(List<String> header, String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(
                    "column "
                            + column
                            + " is not in "
                            + config.file()
                            + " (columns: "
                            + header
                            + ")");
        }
        return i;
    }

    /** False for lines of separators only, such as a spreadsheet export's trailing ;;;;,,,. */
    private static boolean hasContent(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isLetterOrDigit(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
