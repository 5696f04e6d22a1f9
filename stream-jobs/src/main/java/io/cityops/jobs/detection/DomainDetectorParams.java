package io.cityops.jobs.detection;

import io.cityops.jobs.detection.environment.EnvironmentParams;
import io.cityops.jobs.detection.forest.ForestParams;
import io.cityops.jobs.detection.power.PowerParams;
import io.cityops.jobs.detection.traffic.TrafficParams;
import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.util.Objects;

/**
 * The parameters of the traffic, forest, environment (air quality, rain) and power detectors, each
 * read from its own {@code detection.<domain>.*} keys (see {@code docs/detectors/}).
 */
public record DomainDetectorParams(
        TrafficParams traffic,
        ForestParams forest,
        EnvironmentParams environment,
        PowerParams power)
        implements Serializable {

    public static final DomainDetectorParams DEFAULTS =
            new DomainDetectorParams(
                    TrafficParams.DEFAULTS,
                    ForestParams.DEFAULTS,
                    EnvironmentParams.DEFAULTS,
                    PowerParams.DEFAULTS);

    public DomainDetectorParams {
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(forest, "forest");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(power, "power");
    }

    public static DomainDetectorParams from(Settings s) {
        return new DomainDetectorParams(
                TrafficParams.from(s),
                ForestParams.from(s),
                EnvironmentParams.from(s),
                PowerParams.from(s));
    }
}
