package io.cityops.dashboards.live;

/**
 * The six AQI bands with the colours the panels use (DOMAIN.md, VN_AQI, Decision 1459/QĐ-TCMT 2019;
 * the US EPA bands have the same limits). The colour is chosen from the number, so a panel is right
 * even when a producer's category label is spelled differently.
 */
public enum AqiCategory {
    /** 0–50 Tốt, RGB (0,228,0). */
    GOOD(50, "#00e400"),
    /** 51–100 Trung bình, RGB (255,255,0). */
    MODERATE(100, "#ffff00"),
    /** 101–150 Kém, RGB (255,126,0). */
    POOR(150, "#ff7e00"),
    /** 151–200 Xấu, RGB (255,0,0). */
    BAD(200, "#ff0000"),
    /** 201–300 Rất xấu, RGB (143,63,151). */
    VERY_BAD(300, "#8f3f97"),
    /** 301–500 Nguy hại, RGB (126,0,35). */
    HAZARDOUS(Integer.MAX_VALUE, "#7e0023");

    private final int upTo;
    private final String colour;

    AqiCategory(int upTo, String colour) {
        this.upTo = upTo;
        this.colour = colour;
    }

    /** The band of an AQI value, rounded to an integer as the standard does. */
    public static AqiCategory of(double aqi) {
        long rounded = Math.round(aqi);
        for (AqiCategory c : values()) {
            if (rounded <= c.upTo) {
                return c;
            }
        }
        return HAZARDOUS;
    }

    /** CSS colour of the band, as {@code #rrggbb}. */
    public String colour() {
        return colour;
    }
}
