package io.cityops.jobs.detection.air;

import java.util.Locale;

/** The selectable AQI standards ({@code detection.air.standard=vn|epa}). */
public enum AqiStandardId {
    /** Vietnam Environment Administration, Decision 1459/QĐ-TCMT (2019). */
    VN,
    /** US EPA AQI with the 2024 PM2.5 breakpoints. */
    EPA;

    public AqiStandard calculator() {
        return this == VN ? VnAqi.INSTANCE : EpaAqi.INSTANCE;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AqiStandardId parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "vn", "vn_aqi", "vn-aqi" -> VN;
            case "epa", "us", "us-epa" -> EPA;
            default -> throw new IllegalArgumentException("unknown AQI standard: " + s);
        };
    }
}
