package io.cityops.model.city;

import io.cityops.model.Domain;

/**
 * The kinds of field device, each reporting in one domain, with the radius of ground a healthy
 * device of the kind is taken to watch when the model gives no footprint of its own.
 */
public enum SensorKind {
    /** Loop or radar detector: watches its road segment, not an area. */
    TRAFFIC_DETECTOR(Domain.TRAFFIC, 0.1),
    /**
     * Forest station with smoke/CO and weather sensors on a mast: 3 km is a conservative reach for
     * early smoke detection on ridges (fire-watch cameras see farther; configure those as such).
     */
    FOREST_STATION(Domain.FOREST, 3.0),
    AIR_QUALITY_STATION(Domain.ENVIRONMENT, 2.0),
    /** A gauge's accumulation is taken as representative within a few km in mountain terrain. */
    RAIN_GAUGE(Domain.ENVIRONMENT, 5.0),
    RIVER_GAUGE(Domain.ENVIRONMENT, 0.5),
    CUSTOMER_METER(Domain.POWER, 0.05),
    TRANSFORMER_METER(Domain.POWER, 0.05);

    private final Domain domain;
    private final double coverageRadiusKm;

    SensorKind(Domain domain, double coverageRadiusKm) {
        this.domain = domain;
        this.coverageRadiusKm = coverageRadiusKm;
    }

    /** The default radius of a device's footprint, in km. */
    public double coverageRadiusKm() {
        return coverageRadiusKm;
    }

    public Domain domain() {
        return domain;
    }
}
