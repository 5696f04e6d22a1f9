package io.cityops.jobs.detection.air;

import java.util.Optional;

/** How one AQI standard turns a station's hourly means into an hourly and a daily AQI. */
public interface AqiStandard {

    AqiStandardId id();

    /**
     * The AQI of the latest hour of {@code lastHours} (which should span at least 12 hours for the
     * NowCast); empty when no particulate sub-index can be computed.
     */
    Optional<AqiResult> hourly(HourSeries lastHours);

    /**
     * The AQI of one day, {@code day} holding that day's 24 hours (hour 0 = the day's last); empty
     * when no particulate sub-index can be computed.
     */
    Optional<AqiResult> daily(HourSeries day);

    /** Hours of a day a 24-hour or 8-hour mean needs (75 %, the usual completeness rule). */
    int MIN_DAY_HOURS = 18;

    int MIN_EIGHT_HOURS = 6;
}
