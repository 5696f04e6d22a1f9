package io.cityops.jobs.detection.air;

/**
 * The accumulator of a station's one-hour window: per pollutant the sum and count of the readings
 * that carried it. A mutable Flink POJO (public fields, no-argument constructor) so it is never
 * serialized by Kryo.
 */
public class HourSums {
    public String districtId;
    public double[] sums = new double[Pollutant.values().length];
    public int[] counts = new int[Pollutant.values().length];
    public int readings;

    public HourSums() {}

    /** The hour's mean of a pollutant, NaN when no reading carried it. */
    public double mean(Pollutant p) {
        int n = counts[p.ordinal()];
        return n == 0 ? Double.NaN : sums[p.ordinal()] / n;
    }
}
