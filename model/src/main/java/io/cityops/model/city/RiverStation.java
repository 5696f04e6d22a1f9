package io.cityops.model.city;

import java.io.Serializable;

/**
 * A river gauging station with its three alarm levels (báo động I, II, III; Decision
 * 05/2020/QĐ-TTg), all in cm above the station's datum.
 */
public record RiverStation(
        String id,
        String name,
        String river,
        String districtId,
        GeoPoint location,
        double level1Cm,
        double level2Cm,
        double level3Cm)
        implements Serializable {

    public RiverStation {
        if (!(level1Cm < level2Cm && level2Cm < level3Cm)) {
            throw new IllegalArgumentException(
                    "station "
                            + id
                            + ": alarm levels must rise I < II < III, got "
                            + level1Cm
                            + ", "
                            + level2Cm
                            + ", "
                            + level3Cm);
        }
    }

    /** The alarm level reached by a water level: 0 below level I, else 1, 2 or 3. */
    public int alarmLevelAt(double levelCm) {
        if (levelCm >= level3Cm) {
            return 3;
        }
        if (levelCm >= level2Cm) {
            return 2;
        }
        return levelCm >= level1Cm ? 1 : 0;
    }

    /** The threshold of alarm level 1, 2 or 3. */
    public double thresholdCm(int level) {
        return switch (level) {
            case 1 -> level1Cm;
            case 2 -> level2Cm;
            case 3 -> level3Cm;
            default -> throw new IllegalArgumentException("alarm levels are 1..3, not " + level);
        };
    }
}
