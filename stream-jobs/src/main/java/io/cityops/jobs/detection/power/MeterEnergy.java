package io.cityops.jobs.detection.power;

import java.time.Duration;
import java.util.Arrays;

/**
 * One meter's cumulative counters as the energy balance sees them: the newest reading, the hour
 * being accumulated ({@code open}) and the last finished hour not yet taken into a balance ({@code
 * closed}). Meters report cumulative {@code energyWh} (and maybe {@code reverseEnergyWh}); an hour
 * is the difference between its last reading and the previous hour's last reading. Finished hours
 * wait in {@code closed} (oldest first, at most {@link #MAX_CLOSED}) until the watermark lets the
 * transformer balance them: a backlog read faster than event time advances may close several. Kept
 * in Flink {@code MapState}; the transitions are pure.
 */
public record MeterEnergy(
        boolean customer,
        long lastTs,
        double lastWh,
        double lastReverseWh,
        MeterHour open,
        MeterHour[] closed) {

    static final long HOUR = Duration.ofHours(1).toMillis();

    /** Finished hours kept for balancing; older ones are dropped (their balance is incomplete). */
    static final int MAX_CLOSED = 48;

    private static final MeterHour[] NONE_CLOSED = new MeterHour[0];

    public static long hourOf(long ts) {
        return Math.floorDiv(ts, HOUR) * HOUR;
    }

    /** A meter's first reading: its first hour has no known start, so it is incomplete. */
    public static MeterEnergy first(boolean customer, long ts, double wh, double reverseWh) {
        return new MeterEnergy(
                customer, ts, wh, reverseWh, new MeterHour(hourOf(ts), 0, 0, false), NONE_CLOSED);
    }

    /**
     * This meter after a newer reading ({@code ts > lastTs}; callers drop older ones). The energy
     * since the previous reading goes to the reading's hour; a counter that went backwards marks
     * that hour incomplete and counts nothing for the step.
     */
    public MeterEnergy take(long ts, double wh, double reverseWh) {
        double delta = wh - lastWh;
        boolean reset = !(delta >= 0); // also NaN
        double reverse = reverseWh - lastReverseWh;
        double reverseStep = reverse > 0 ? reverse : 0; // absent (NaN) or reset: nothing counted
        long h = hourOf(ts);
        MeterHour o = open;
        MeterHour[] c = closed;
        if (h == o.hour()) {
            o =
                    new MeterHour(
                            h,
                            o.wh() + (reset ? 0 : delta),
                            o.reverseWh() + reverseStep,
                            o.complete() && !reset);
        } else if (h > o.hour()) {
            int keep = Math.min(closed.length, MAX_CLOSED - 1);
            c = Arrays.copyOfRange(closed, closed.length - keep, closed.length + 1);
            c[keep] = o;
            boolean startKnown = hourOf(lastTs) == h - HOUR;
            o = new MeterHour(h, reset ? 0 : delta, reverseStep, startKnown && !reset);
        }
        return new MeterEnergy(customer, ts, wh, reverseWh, o, c);
    }

    /** This meter's record of {@code hour}, or {@link MeterHour#EMPTY} when it has none. */
    public MeterHour hour(long hour) {
        for (MeterHour h : closed) {
            if (h.hour() == hour) {
                return h;
            }
        }
        return open.hour() == hour ? open : MeterHour.EMPTY;
    }

    /** This meter once {@code hour} is balanced: a closed record up to it is no longer needed. */
    public MeterEnergy balanced(long hour) {
        int done = 0;
        while (done < closed.length && closed[done].hour() <= hour) {
            done++;
        }
        return done == 0
                ? this
                : new MeterEnergy(
                        customer,
                        lastTs,
                        lastWh,
                        lastReverseWh,
                        open,
                        Arrays.copyOfRange(closed, done, closed.length));
    }
}
