package io.cityops.jobs.detection.air;

import java.util.Arrays;

/**
 * A station's hourly means over a span of whole hours, indexed backwards from the latest hour (0 =
 * the hour being rated, 1 = the hour before, …), NaN where an hour is missing. Plain data for the
 * AQI calculators.
 */
public final class HourSeries {
    private final long latestHourStart;
    private final double[][] values; // [pollutant][hoursAgo]

    private HourSeries(long latestHourStart, double[][] values) {
        this.latestHourStart = latestHourStart;
        this.values = values;
    }

    /** The {@code hours} hours up to and including the one starting at {@code latestHourStart}. */
    public static HourSeries of(
            Iterable<StationHour> hoursAnyOrder, long latestHourStart, int hours) {
        double[][] v = new double[Pollutant.values().length][hours];
        for (double[] row : v) {
            Arrays.fill(row, Double.NaN);
        }
        for (StationHour h : hoursAnyOrder) {
            long ago = (latestHourStart - h.hourStart()) / StationHour.HOUR_MS;
            if (h.hourStart() <= latestHourStart && ago < hours) {
                for (Pollutant p : Pollutant.values()) {
                    v[p.ordinal()][(int) ago] = h.value(p);
                }
            }
        }
        return new HourSeries(latestHourStart, v);
    }

    /** A series from explicit values, latest first, for one pollutant (the others missing). */
    public static HourSeries ofLatestFirst(Pollutant p, double... latestFirst) {
        double[][] v = new double[Pollutant.values().length][latestFirst.length];
        for (double[] row : v) {
            Arrays.fill(row, Double.NaN);
        }
        v[p.ordinal()] = latestFirst.clone();
        return new HourSeries(0, v);
    }

    public long latestHourStart() {
        return latestHourStart;
    }

    public int hours() {
        return values[0].length;
    }

    /** The hourly mean {@code hoursAgo} hours before the latest, NaN when missing. */
    public double at(Pollutant p, int hoursAgo) {
        return hoursAgo < hours() ? values[p.ordinal()][hoursAgo] : Double.NaN;
    }

    /** The latest {@code n} hourly means, latest first. */
    public double[] latest(Pollutant p, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = at(p, i);
        }
        return out;
    }

    /** Mean of the hours {@code from..to} ago (inclusive), or NaN with fewer than {@code min}. */
    public double mean(Pollutant p, int from, int to, int min) {
        double sum = 0;
        int n = 0;
        for (int i = from; i <= to; i++) {
            double x = at(p, i);
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        return n >= min && n > 0 ? sum / n : Double.NaN;
    }

    /** The largest hourly mean of the whole series, NaN when none. */
    public double max(Pollutant p) {
        double m = Double.NaN;
        for (double x : values[p.ordinal()]) {
            if (!Double.isNaN(x) && !(x <= m)) {
                m = x;
            }
        }
        return m;
    }

    /**
     * The largest 8-hour running mean whose 8 hours lie inside the series, each with at least
     * {@code min} hours present; NaN when none qualifies.
     */
    public double maxEightHourMean(Pollutant p, int min) {
        double m = Double.NaN;
        for (int end = 0; end + 7 < hours(); end++) {
            double x = mean(p, end, end + 7, min);
            if (!Double.isNaN(x) && !(x <= m)) {
                m = x;
            }
        }
        return m;
    }
}
