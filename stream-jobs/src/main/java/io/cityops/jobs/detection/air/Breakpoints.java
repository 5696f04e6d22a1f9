package io.cityops.jobs.detection.air;

import java.io.Serializable;

/**
 * One pollutant column of an AQI breakpoint table: concentration bands with the index range each
 * maps to, by linear interpolation {@code I = (I_hi − I_lo)/(BP_hi − BP_lo)·(C − BP_lo) + I_lo}.
 * Bands may be contiguous (VN_AQI: 25–50 → 50–100) or leave the gaps of a truncated scale (EPA:
 * 9.1–35.4 → 51–100). Above the top band the last band's line is extended ("beyond the index").
 */
public final class Breakpoints implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[] cLo;
    private final double[] cHi;
    private final double[] iLo;
    private final double[] iHi;

    private Breakpoints(double[] cLo, double[] cHi, double[] iLo, double[] iHi) {
        this.cLo = cLo;
        this.cHi = cHi;
        this.iLo = iLo;
        this.iHi = iHi;
    }

    /**
     * Contiguous bands from an index column and a concentration column of equal length, both
     * starting at 0 (the VN_AQI table layout).
     */
    public static Breakpoints contiguous(double[] index, double[] concentration) {
        int n = index.length - 1;
        double[] cLo = new double[n];
        double[] cHi = new double[n];
        double[] iLo = new double[n];
        double[] iHi = new double[n];
        for (int k = 0; k < n; k++) {
            cLo[k] = concentration[k];
            cHi[k] = concentration[k + 1];
            iLo[k] = index[k];
            iHi[k] = index[k + 1];
        }
        return new Breakpoints(cLo, cHi, iLo, iHi);
    }

    /** Bands given as rows {@code {C_lo, C_hi, I_lo, I_hi}} (the EPA table layout). */
    public static Breakpoints rows(double[]... rows) {
        int n = rows.length;
        double[] cLo = new double[n];
        double[] cHi = new double[n];
        double[] iLo = new double[n];
        double[] iHi = new double[n];
        for (int k = 0; k < n; k++) {
            cLo[k] = rows[k][0];
            cHi[k] = rows[k][1];
            iLo[k] = rows[k][2];
            iHi[k] = rows[k][3];
        }
        return new Breakpoints(cLo, cHi, iLo, iHi);
    }

    /** The highest concentration the table covers. */
    public double top() {
        return cHi[cHi.length - 1];
    }

    /** The sub-index of a concentration, unrounded; NaN for NaN or a negative concentration. */
    public double subIndex(double c) {
        if (!(c >= 0)) {
            return Double.NaN;
        }
        int last = cLo.length - 1;
        for (int k = 0; k <= last; k++) {
            if (c <= cHi[k] || k == last) {
                double clamped = Math.max(c, cLo[k]); // in an EPA gap: the band's start
                return (iHi[k] - iLo[k]) / (cHi[k] - cLo[k]) * (clamped - cLo[k]) + iLo[k];
            }
        }
        throw new AssertionError("unreachable");
    }
}
