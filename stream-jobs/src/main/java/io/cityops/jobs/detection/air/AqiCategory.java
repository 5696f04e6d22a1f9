package io.cityops.jobs.detection.air;

import java.util.Locale;

/**
 * The six bands of an AQI with their Vietnamese and US EPA names and colours (DOMAIN.md
 * "Environment"; Decision 1459/QĐ-TCMT and the EPA Technical Assistance Document share bands and
 * RGB values).
 */
public enum AqiCategory {
    GOOD(0, "Tốt", "good", "Good", 0, 228, 0),
    MODERATE(51, "Trung bình", "moderate", "Moderate", 255, 255, 0),
    POOR(101, "Kém", "poor", "Unhealthy for Sensitive Groups", 255, 126, 0),
    BAD(151, "Xấu", "bad", "Unhealthy", 255, 0, 0),
    VERY_BAD(201, "Rất xấu", "very bad", "Very Unhealthy", 143, 63, 151),
    HAZARDOUS(301, "Nguy hại", "hazardous", "Hazardous", 126, 0, 35);

    private final int lowest;
    private final String vnName;
    private final String enName;
    private final String epaName;
    private final int red;
    private final int green;
    private final int blue;

    AqiCategory(
            int lowest,
            String vnName,
            String enName,
            String epaName,
            int red,
            int green,
            int blue) {
        this.lowest = lowest;
        this.vnName = vnName;
        this.enName = enName;
        this.epaName = epaName;
        this.red = red;
        this.green = green;
        this.blue = blue;
    }

    /** The band of a rounded AQI; anything above 300 (also above 500) is hazardous. */
    public static AqiCategory of(int aqi) {
        AqiCategory found = GOOD;
        for (AqiCategory c : values()) {
            if (aqi >= c.lowest) {
                found = c;
            }
        }
        return found;
    }

    /** The lowest rounded AQI in this band (0, 51, 101, 151, 201, 301). */
    public int lowest() {
        return lowest;
    }

    public String vnName() {
        return vnName;
    }

    /** The English translation of the Vietnamese name (Decision 1459), e.g. {@code very bad}. */
    public String enName() {
        return enName;
    }

    public String epaName() {
        return epaName;
    }

    /** The name in a standard's own language: Vietnamese for VN_AQI, the EPA's for EPA. */
    public String nameIn(AqiStandardId standard) {
        return standard == AqiStandardId.VN ? vnName : epaName;
    }

    /** A label-friendly code, e.g. {@code very-bad}. */
    public String code() {
        return enName.replace(' ', '-');
    }

    /** {@code #RRGGBB}. */
    public String hex() {
        return String.format(Locale.ROOT, "#%02X%02X%02X", red, green, blue);
    }

    public int red() {
        return red;
    }

    public int green() {
        return green;
    }

    public int blue() {
        return blue;
    }
}
