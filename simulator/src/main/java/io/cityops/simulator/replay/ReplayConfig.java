package io.cityops.simulator.replay;

import io.cityops.model.Metric;
import io.cityops.model.config.Settings;
import io.cityops.simulator.replay.MetricColumn.Range;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to replay and how (keys {@code replay.*}, usually in a properties file given with {@code
 * --config}; see docs/replayer.md): which CSV file and how to read it, which sensor publishes it,
 * which columns become which metrics, and how recorded time becomes event time and wall time.
 *
 * @param timeColumns joined with a space before parsing, e.g. {@code Date,Time}
 * @param timeFormat {@code iso} (ISO-8601, with or without offset) or a {@link
 *     java.time.format.DateTimeFormatter} pattern such as {@code dd/MM/yyyy HH.mm.ss}
 * @param zone the zone of recorded times that carry no offset
 * @param from,to the slice of the recording to replay (recorded instants, to exclusive)
 * @param missingMarkers cell values meaning "no value" besides an empty cell, e.g. -200, NA, ?
 * @param shiftTo where the anchor instant lands in event time; empty = keep recorded times
 * @param anchorAtEnd true: the recording's last instant lands at {@code shiftTo}, so every reading
 *     is in the past (a backfill); false: its first instant does (a live replay)
 * @param speed wall-clock speed-up: 600 plays ten recorded minutes per wall second; infinity = as
 *     fast as the broker takes them
 * @param compressTime event-time gaps shrink by {@code speed} too, so readings look live; off,
 *     event time keeps the recorded spacing and detectors see the real dynamics
 */
public record ReplayConfig(
        Path file,
        String sensorId,
        char separator,
        boolean decimalComma,
        List<String> timeColumns,
        String timeFormat,
        ZoneId zone,
        Optional<Instant> from,
        Optional<Instant> to,
        List<MetricColumn> metrics,
        Set<String> missingMarkers,
        Optional<String> shiftTo,
        boolean anchorAtEnd,
        double speed,
        boolean compressTime) {

    public static final String PREFIX = "replay.";

    public ReplayConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sensorId, "sensorId");
        timeColumns = List.copyOf(timeColumns);
        metrics = List.copyOf(metrics);
        missingMarkers = Set.copyOf(missingMarkers);
        if (timeColumns.isEmpty() || metrics.isEmpty()) {
            throw new IllegalArgumentException("replay needs time columns and at least one metric");
        }
        if (!(speed > 0)) {
            throw new IllegalArgumentException("replay.speed must be positive, not " + speed);
        }
    }

    /** Reads {@code replay.*}; unknown metric keys and bad values fail with the key named. */
    public static ReplayConfig from(Settings s) {
        List<MetricColumn> metrics = new ArrayList<>();
        for (String key : list(s.require("replay.metrics"))) {
            Metric m =
                    Metric.byKey(key)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "replay.metrics: unknown metric " + key));
            String p = "replay.metric." + key + ".";
            metrics.add(
                    new MetricColumn(
                            m,
                            s.require(p + "column"),
                            s.getDouble(p + "factor", 1),
                            s.getDouble(p + "offset", 0),
                            range(s, p + "valid-range"),
                            range(s, p + "source-range"),
                            range(s, p + "target-range")));
        }
        String speed = s.get("replay.speed", "1");
        String shift = s.get("replay.time.shift-to", "now");
        String anchor = s.get("replay.time.anchor", "end");
        if (!anchor.equals("start") && !anchor.equals("end")) {
            throw new IllegalArgumentException("replay.time.anchor is start or end, not " + anchor);
        }
        return new ReplayConfig(
                Path.of(s.require("replay.file")),
                s.require("replay.sensor"),
                separator(s.get("replay.separator", ",")),
                s.getBoolean("replay.decimal-comma", false),
                list(s.require("replay.time.columns")),
                s.get("replay.time.format", "iso"),
                zone(s.get("replay.time.zone", "UTC")),
                s.find("replay.from").map(v -> instant("replay.from", v)),
                s.find("replay.to").map(v -> instant("replay.to", v)),
                metrics,
                Set.copyOf(list(s.get("replay.missing", "-200,NA,?"))),
                shift.equals("none") ? Optional.empty() : Optional.of(shift),
                anchor.equals("end"),
                speed.equals("max") ? Double.POSITIVE_INFINITY : Double.parseDouble(speed),
                s.getBoolean("replay.time.compress", false));
    }

    /** A copy reading another file (e.g. a test's copy of the recording). */
    public ReplayConfig withFile(Path other) {
        return new ReplayConfig(
                other,
                sensorId,
                separator,
                decimalComma,
                timeColumns,
                timeFormat,
                zone,
                from,
                to,
                metrics,
                missingMarkers,
                shiftTo,
                anchorAtEnd,
                speed,
                compressTime);
    }

    /** The instant {@code shiftTo} names, with {@code now} read from the given instant. */
    Optional<Instant> shiftTarget(Instant now) {
        return shiftTo.map(v -> v.equals("now") ? now : instant("replay.time.shift-to", v));
    }

    private static Optional<Range> range(Settings s, String key) {
        return s.find(key).map(v -> Range.parse(key, v));
    }

    private static List<String> list(String v) {
        return Arrays.stream(v.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static char separator(String v) {
        if (v.equals("tab") || v.equals("\\t")) {
            return '\t';
        }
        if (v.length() != 1) {
            throw new IllegalArgumentException("replay.separator is one character or 'tab': " + v);
        }
        return v.charAt(0);
    }

    private static ZoneId zone(String v) {
        try {
            return ZoneId.of(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("replay.time.zone: unknown zone " + v);
        }
    }

    private static Instant instant(String key, String v) {
        try {
            return Instant.parse(v);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(key + " must be an ISO-8601 instant: " + v);
        }
    }
}
