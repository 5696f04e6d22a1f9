package io.cityops.jobs.detection.air;

import java.util.EnumMap;
import java.util.Optional;

/**
 * The US EPA AQI (Technical Assistance Document, May 2024, with the 2024 PM2.5 breakpoints) as the
 * second selectable standard. The EPA tables use their own units: gases are converted from the
 * readings' µg/m³ at 25 °C and 1 atm ({@code ppb = µg/m³ × 24.45 / M}, M = 48.00 O3, 28.01 CO,
 * 46.01 NO2, 64.07 SO2; ppm = ppb / 1000) and truncated as the EPA does (PM2.5 0.1 µg/m³, PM10 1
 * µg/m³, O3 0.001 ppm, CO 0.1 ppm, SO2/NO2 1 ppb).
 *
 * <p>Hourly (the "current" AQI of AirNow): PM by NowCast; O3 the higher of the 8-hour table on the
 * last 8 hours' mean and, from 0.125 ppm, the 1-hour table; CO the 8-hour table on the last 8
 * hours' mean; SO2 and NO2 the hour. Daily: PM the 24-hour mean, O3 the day's highest 8-hour mean
 * (and highest hour from 0.125 ppm), CO the highest 8-hour mean, SO2/NO2 the highest hour.
 */
public final class EpaAqi implements AqiStandard {
    public static final EpaAqi INSTANCE = new EpaAqi();

    static final Breakpoints PM25 =
            Breakpoints.rows(
                    new double[] {0.0, 9.0, 0, 50},
                    new double[] {9.1, 35.4, 51, 100},
                    new double[] {35.5, 55.4, 101, 150},
                    new double[] {55.5, 125.4, 151, 200},
                    new double[] {125.5, 225.4, 201, 300},
                    new double[] {225.5, 325.4, 301, 500});
    static final Breakpoints PM10 =
            Breakpoints.rows(
                    new double[] {0, 54, 0, 50},
                    new double[] {55, 154, 51, 100},
                    new double[] {155, 254, 101, 150},
                    new double[] {255, 354, 151, 200},
                    new double[] {355, 424, 201, 300},
                    new double[] {425, 604, 301, 500});

    /** ppm. Above 0.200 ppm the 8-hour table ends and the 1-hour table rules. */
    static final Breakpoints O3_8H =
            Breakpoints.rows(
                    new double[] {0.000, 0.054, 0, 50},
                    new double[] {0.055, 0.070, 51, 100},
                    new double[] {0.071, 0.085, 101, 150},
                    new double[] {0.086, 0.105, 151, 200},
                    new double[] {0.106, 0.200, 201, 300});

    /** ppm, from 0.125 ppm only. */
    static final Breakpoints O3_1H =
            Breakpoints.rows(
                    new double[] {0.125, 0.164, 101, 150},
                    new double[] {0.165, 0.204, 151, 200},
                    new double[] {0.205, 0.404, 201, 300},
                    new double[] {0.405, 0.604, 301, 500});

    /** ppm, 8-hour. */
    static final Breakpoints CO_8H =
            Breakpoints.rows(
                    new double[] {0.0, 4.4, 0, 50},
                    new double[] {4.5, 9.4, 51, 100},
                    new double[] {9.5, 12.4, 101, 150},
                    new double[] {12.5, 15.4, 151, 200},
                    new double[] {15.5, 30.4, 201, 300},
                    new double[] {30.5, 50.4, 301, 500});

    /** ppb, 1-hour. */
    static final Breakpoints SO2_1H =
            Breakpoints.rows(
                    new double[] {0, 35, 0, 50},
                    new double[] {36, 75, 51, 100},
                    new double[] {76, 185, 101, 150},
                    new double[] {186, 304, 151, 200},
                    new double[] {305, 604, 201, 300},
                    new double[] {605, 1004, 301, 500});

    /** ppb, 1-hour. */
    static final Breakpoints NO2_1H =
            Breakpoints.rows(
                    new double[] {0, 53, 0, 50},
                    new double[] {54, 100, 51, 100},
                    new double[] {101, 360, 101, 150},
                    new double[] {361, 649, 151, 200},
                    new double[] {650, 1249, 201, 300},
                    new double[] {1250, 2049, 301, 500});

    private EpaAqi() {}

    @Override
    public AqiStandardId id() {
        return AqiStandardId.EPA;
    }

    @Override
    public Optional<AqiResult> hourly(HourSeries s) {
        EnumMap<Pollutant, Double> sub = new EnumMap<>(Pollutant.class);
        sub.put(Pollutant.PM25, pm25(NowCast.of(s.latest(Pollutant.PM25, NowCast.HOURS))));
        sub.put(Pollutant.PM10, pm10(NowCast.of(s.latest(Pollutant.PM10, NowCast.HOURS))));
        sub.put(
                Pollutant.O3,
                ozone(s.at(Pollutant.O3, 0), s.mean(Pollutant.O3, 0, 7, MIN_EIGHT_HOURS)));
        sub.put(Pollutant.CO, co8h(s.mean(Pollutant.CO, 0, 7, MIN_EIGHT_HOURS)));
        sub.put(Pollutant.SO2, so2(s.at(Pollutant.SO2, 0)));
        sub.put(Pollutant.NO2, no2(s.at(Pollutant.NO2, 0)));
        return AqiResult.of(AqiStandardId.EPA, sub);
    }

    @Override
    public Optional<AqiResult> daily(HourSeries day) {
        EnumMap<Pollutant, Double> sub = new EnumMap<>(Pollutant.class);
        sub.put(Pollutant.PM25, pm25(day.mean(Pollutant.PM25, 0, 23, MIN_DAY_HOURS)));
        sub.put(Pollutant.PM10, pm10(day.mean(Pollutant.PM10, 0, 23, MIN_DAY_HOURS)));
        sub.put(
                Pollutant.O3,
                ozone(day.max(Pollutant.O3), day.maxEightHourMean(Pollutant.O3, MIN_EIGHT_HOURS)));
        sub.put(Pollutant.CO, co8h(day.maxEightHourMean(Pollutant.CO, MIN_EIGHT_HOURS)));
        sub.put(Pollutant.SO2, so2(day.max(Pollutant.SO2)));
        sub.put(Pollutant.NO2, no2(day.max(Pollutant.NO2)));
        return AqiResult.of(AqiStandardId.EPA, sub);
    }

    /** PM2.5 in µg/m³, truncated to 0.1. */
    public static double pm25(double ugm3) {
        return PM25.subIndex(truncate(ugm3, 1));
    }

    /** PM10 in µg/m³, truncated to 1. */
    public static double pm10(double ugm3) {
        return PM10.subIndex(truncate(ugm3, 0));
    }

    /** O3 from a 1-hour and an 8-hour concentration in µg/m³ (either may be NaN). */
    public static double ozone(double oneHourUgm3, double eightHourUgm3) {
        double ppm8 = truncate(Pollutant.O3.toPpb(eightHourUgm3) / 1000, 3);
        double ppm1 = truncate(Pollutant.O3.toPpb(oneHourUgm3) / 1000, 3);
        double eight = ppm8 > O3_8H.top() ? Double.NaN : O3_8H.subIndex(ppm8);
        double one = ppm1 >= 0.125 ? O3_1H.subIndex(ppm1) : Double.NaN;
        if (Double.isNaN(one)) {
            return eight;
        }
        return Double.isNaN(eight) ? one : Math.max(one, eight);
    }

    /** CO from an 8-hour mean in µg/m³. */
    public static double co8h(double ugm3) {
        return CO_8H.subIndex(truncate(Pollutant.CO.toPpb(ugm3) / 1000, 1));
    }

    /** SO2 from a 1-hour mean in µg/m³. */
    public static double so2(double ugm3) {
        return SO2_1H.subIndex(truncate(Pollutant.SO2.toPpb(ugm3), 0));
    }

    /** NO2 from a 1-hour mean in µg/m³. */
    public static double no2(double ugm3) {
        return NO2_1H.subIndex(truncate(Pollutant.NO2.toPpb(ugm3), 0));
    }

    /** Truncation to {@code digits} decimals; a tiny epsilon keeps 0.078 from becoming 0.077. */
    static double truncate(double x, int digits) {
        if (Double.isNaN(x)) {
            return x;
        }
        double f = Math.pow(10, digits);
        return Math.floor(x * f + 1e-9) / f;
    }
}
