package io.cityops.jobs.detection.environment;

import io.cityops.jobs.detection.air.AirParams;
import io.cityops.jobs.detection.rain.RainParams;
import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.util.Objects;

/** Configuration of the environment detectors: air quality and rain accumulation. */
public record EnvironmentParams(AirParams air, RainParams rain) implements Serializable {

    public static final EnvironmentParams DEFAULTS =
            new EnvironmentParams(AirParams.DEFAULTS, RainParams.DEFAULTS);

    public EnvironmentParams {
        Objects.requireNonNull(air, "air");
        Objects.requireNonNull(rain, "rain");
    }

    /** Reads {@code detection.air.*} and {@code detection.rain.*}. */
    public static EnvironmentParams from(Settings s) {
        return new EnvironmentParams(AirParams.from(s), RainParams.from(s));
    }
}
