package io.cityops.jobs.detection.traffic;

import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * The thresholds of the traffic detectors (DOMAIN.md, "Traffic"): congestion levels by speed ratio
 * over a sliding window, and the California incident algorithm (#7 with the compression-wave
 * suppression of #8). Every value is configuration under {@code detection.traffic.*}.
 *
 * @param freeRatio speed ratio at or above which a segment flows freely (0.75)
 * @param slowRatio below {@code freeRatio} and at or above this: slow (0.5); below: congested
 * @param jamRatio below this the segment is jammed (0.25)
 * @param jamOccupancyPct window occupancy above which the segment is jammed whatever the speed (30)
 * @param window the congestion window, whole minutes; it slides by one minute (5 minutes)
 * @param confirmSlides consecutive slides a level change must be seen on before it is signalled (2)
 * @param clearMargin how far (in speed ratio) a level's boundary must be passed to leave it (0.05)
 * @param jamOccupancyClearMarginPct how far (in occupancy points) below {@code jamOccupancyPct} the
 *     window occupancy must fall to leave the jam it caused (3)
 * @param forgetAfter event time after a segment's last reported minute at which a raised congestion
 *     or incident is cleared with {@code reason=no-data} (30 minutes)
 * @param occdfPct T1: upstream minus downstream occupancy, in occupancy points (8)
 * @param occrdf T2: that difference relative to the upstream occupancy (0.5)
 * @param docctd T3: relative fall of the downstream occupancy over two minutes (0.3)
 * @param persistenceMinutes minutes the spatial tests must hold, the first with T3, to confirm (2)
 * @param waveOccupancyPct downstream occupancy that marks a compression wave (30)
 * @param waveSuppressMinutes minutes after a compression wave in which no incident is raised (5)
 */
public record TrafficParams(
        double freeRatio,
        double slowRatio,
        double jamRatio,
        double jamOccupancyPct,
        Duration window,
        int confirmSlides,
        double clearMargin,
        double jamOccupancyClearMarginPct,
        Duration forgetAfter,
        double occdfPct,
        double occrdf,
        double docctd,
        int persistenceMinutes,
        double waveOccupancyPct,
        int waveSuppressMinutes)
        implements Serializable {

    public static final String FREE_RATIO = "detection.traffic.free-ratio";
    public static final String SLOW_RATIO = "detection.traffic.slow-ratio";
    public static final String JAM_RATIO = "detection.traffic.jam-ratio";
    public static final String JAM_OCCUPANCY_PCT = "detection.traffic.jam-occupancy-pct";
    public static final String WINDOW = "detection.traffic.window";
    public static final String CONFIRM_SLIDES = "detection.traffic.confirm-slides";
    public static final String CLEAR_MARGIN = "detection.traffic.clear-margin";
    public static final String JAM_OCCUPANCY_CLEAR_MARGIN_PCT =
            "detection.traffic.jam-occupancy-clear-margin-pct";
    public static final String FORGET_AFTER = "detection.traffic.forget-after";
    public static final String OCCDF_PCT = "detection.traffic.incident.occdf-pct";
    public static final String OCCRDF = "detection.traffic.incident.occrdf";
    public static final String DOCCTD = "detection.traffic.incident.docctd";
    public static final String PERSISTENCE_MINUTES =
            "detection.traffic.incident.persistence-minutes";
    public static final String WAVE_OCCUPANCY_PCT = "detection.traffic.incident.wave-occupancy-pct";
    public static final String WAVE_SUPPRESS_MINUTES =
            "detection.traffic.incident.wave-suppress-minutes";

    /**
     * DOMAIN.md "Traffic": levels 0.75 / 0.5 / 0.25 and 30 % occupancy over 5 minutes, signalled
     * after 2 slides; California T1 = 8, T2 = 0.5, T3 = 0.3 (Payne and Tignor's published
     * thresholds) persisting 2 minutes, 5 minutes of suppression after a 30 % compression wave. The
     * 0.05 clear margin, the 3-point occupancy clear margin and the 30-minute forget delay are
     * ours: the margins keep a window dithering at a boundary from flapping, the delay keeps a
     * segment whose detectors both went silent from staying raised for ever.
     */
    public static final TrafficParams DEFAULTS =
            new TrafficParams(
                    0.75,
                    0.5,
                    0.25,
                    30,
                    Duration.ofMinutes(5),
                    2,
                    0.05,
                    3,
                    Duration.ofMinutes(30),
                    8,
                    0.5,
                    0.3,
                    2,
                    30,
                    5);

    public TrafficParams {
        if (!(0 < jamRatio && jamRatio < slowRatio && slowRatio < freeRatio)) {
            throw new IllegalArgumentException(
                    "traffic ratios must rise: jam < slow < free, got "
                            + jamRatio
                            + ", "
                            + slowRatio
                            + ", "
                            + freeRatio);
        }
        if (window == null
                || window.toMinutes() < 1
                || !window.equals(Duration.ofMinutes(window.toMinutes()))) {
            throw new IllegalArgumentException("traffic window must be whole minutes: " + window);
        }
        if (confirmSlides < 1 || persistenceMinutes < 1 || waveSuppressMinutes < 0) {
            throw new IllegalArgumentException(
                    "traffic confirm slides and persistence must be at least 1, suppression >= 0");
        }
        if (forgetAfter == null || forgetAfter.toMinutes() < 1) {
            throw new IllegalArgumentException(
                    "traffic forget-after must be at least a minute: " + forgetAfter);
        }
        if (!(clearMargin >= 0)
                || !(jamOccupancyClearMarginPct >= 0)
                || !(occdfPct >= 0)
                || !(occrdf >= 0)
                || !(docctd >= 0)) {
            throw new IllegalArgumentException("traffic thresholds must not be negative");
        }
    }

    public static TrafficParams from(Settings s) {
        TrafficParams d = DEFAULTS;
        return new TrafficParams(
                s.getDouble(FREE_RATIO, d.freeRatio()),
                s.getDouble(SLOW_RATIO, d.slowRatio()),
                s.getDouble(JAM_RATIO, d.jamRatio()),
                s.getDouble(JAM_OCCUPANCY_PCT, d.jamOccupancyPct()),
                s.getDuration(WINDOW, d.window()),
                s.getInt(CONFIRM_SLIDES, d.confirmSlides()),
                s.getDouble(CLEAR_MARGIN, d.clearMargin()),
                s.getDouble(JAM_OCCUPANCY_CLEAR_MARGIN_PCT, d.jamOccupancyClearMarginPct()),
                s.getDuration(FORGET_AFTER, d.forgetAfter()),
                s.getDouble(OCCDF_PCT, d.occdfPct()),
                s.getDouble(OCCRDF, d.occrdf()),
                s.getDouble(DOCCTD, d.docctd()),
                s.getInt(PERSISTENCE_MINUTES, d.persistenceMinutes()),
                s.getDouble(WAVE_OCCUPANCY_PCT, d.waveOccupancyPct()),
                s.getInt(WAVE_SUPPRESS_MINUTES, d.waveSuppressMinutes()));
    }

    public int windowMinutes() {
        return (int) window.toMinutes();
    }

    /** Provenance of congestion signals, e.g. {@code traffic-congestion/v1 window=5m slide=1m}. */
    public String congestionProvenance() {
        return "traffic-congestion/v1 window=" + windowMinutes() + "m slide=1m";
    }

    /** Provenance of incident signals, e.g. {@code traffic-incident/california-7+8 t1=8 ...}. */
    public String incidentProvenance() {
        return String.format(
                Locale.ROOT,
                "traffic-incident/california-7+8 t1=%s t2=%s t3=%s persist=%dm wave=%s%%/%dm",
                num(occdfPct),
                num(occrdf),
                num(docctd),
                persistenceMinutes,
                num(waveOccupancyPct),
                waveSuppressMinutes);
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
