package io.cityops.jobs.detection.air;

import java.util.EnumMap;
import java.util.Optional;

/**
 * VN_AQI, Decision 1459/QĐ-TCMT (2019) of the Vietnam Environment Administration, with the
 * breakpoint table exactly as DOMAIN.md "Environment" gives it (µg/m³). Hourly: PM by NowCast, O3
 * from its 1-hour column, CO/SO2/NO2 the hour's mean. Daily: PM the 24-hour mean, O3 the higher of
 * the max-1h and max-8h sub-indices (the 8-hour part dropped above 400 µg/m³, where its column
 * ends), SO2/NO2/CO the day's maximum hourly mean.
 */
public final class VnAqi implements AqiStandard {
    public static final VnAqi INSTANCE = new VnAqi();

    // DOMAIN.md "VN_AQI" table, column I.
    private static final double[] I = {0, 50, 100, 150, 200, 300, 400, 500};
    static final Breakpoints O3_1H =
            Breakpoints.contiguous(I, new double[] {0, 160, 200, 300, 400, 800, 1000, 1200});
    static final Breakpoints O3_8H =
            Breakpoints.contiguous(
                    new double[] {0, 50, 100, 150, 200, 300},
                    new double[] {0, 100, 120, 170, 210, 400});
    static final Breakpoints CO =
            Breakpoints.contiguous(
                    I, new double[] {0, 10000, 30000, 45000, 60000, 90000, 120000, 150000});
    static final Breakpoints SO2 =
            Breakpoints.contiguous(I, new double[] {0, 125, 350, 550, 800, 1600, 2100, 2630});
    static final Breakpoints NO2 =
            Breakpoints.contiguous(I, new double[] {0, 100, 200, 700, 1200, 2350, 3100, 3850});
    static final Breakpoints PM10 =
            Breakpoints.contiguous(I, new double[] {0, 50, 150, 250, 350, 420, 500, 600});
    static final Breakpoints PM25 =
            Breakpoints.contiguous(I, new double[] {0, 25, 50, 80, 150, 250, 350, 500});

    private VnAqi() {}

    @Override
    public AqiStandardId id() {
        return AqiStandardId.VN;
    }

    /** A sub-index of an hourly (or 24-hour for PM) concentration in µg/m³, unrounded. */
    public static double subIndex(Pollutant p, double microgramsPerCubicMetre) {
        return table(p).subIndex(microgramsPerCubicMetre);
    }

    private static Breakpoints table(Pollutant p) {
        return switch (p) {
            case PM25 -> PM25;
            case PM10 -> PM10;
            case O3 -> O3_1H;
            case CO -> CO;
            case NO2 -> NO2;
            case SO2 -> SO2;
        };
    }

    @Override
    public Optional<AqiResult> hourly(HourSeries s) {
        EnumMap<Pollutant, Double> sub = new EnumMap<>(Pollutant.class);
        sub.put(Pollutant.PM25, PM25.subIndex(NowCast.of(s.latest(Pollutant.PM25, NowCast.HOURS))));
        sub.put(Pollutant.PM10, PM10.subIndex(NowCast.of(s.latest(Pollutant.PM10, NowCast.HOURS))));
        for (Pollutant gas :
                new Pollutant[] {Pollutant.O3, Pollutant.CO, Pollutant.NO2, Pollutant.SO2}) {
            sub.put(gas, table(gas).subIndex(s.at(gas, 0)));
        }
        return AqiResult.of(AqiStandardId.VN, sub);
    }

    @Override
    public Optional<AqiResult> daily(HourSeries day) {
        EnumMap<Pollutant, Double> sub = new EnumMap<>(Pollutant.class);
        sub.put(Pollutant.PM25, PM25.subIndex(day.mean(Pollutant.PM25, 0, 23, MIN_DAY_HOURS)));
        sub.put(Pollutant.PM10, PM10.subIndex(day.mean(Pollutant.PM10, 0, 23, MIN_DAY_HOURS)));
        sub.put(
                Pollutant.O3,
                dailyOzone(
                        day.max(Pollutant.O3),
                        day.maxEightHourMean(Pollutant.O3, MIN_EIGHT_HOURS)));
        for (Pollutant gas : new Pollutant[] {Pollutant.CO, Pollutant.NO2, Pollutant.SO2}) {
            sub.put(gas, table(gas).subIndex(day.max(gas)));
        }
        return AqiResult.of(AqiStandardId.VN, sub);
    }

    /** The higher of the max-1h and max-8h sub-indices; the 8-hour part only up to 400 µg/m³. */
    static double dailyOzone(double max1h, double max8h) {
        double one = O3_1H.subIndex(max1h);
        double eight = max8h > O3_8H.top() ? Double.NaN : O3_8H.subIndex(max8h);
        if (Double.isNaN(one)) {
            return eight;
        }
        return Double.isNaN(eight) ? one : Math.max(one, eight);
    }
}
