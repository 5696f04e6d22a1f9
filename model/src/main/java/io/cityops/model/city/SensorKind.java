package io.cityops.model.city;

import io.cityops.model.Domain;

/** The kinds of field device, each reporting in one domain. */
public enum SensorKind {
    TRAFFIC_DETECTOR(Domain.TRAFFIC),
    FOREST_STATION(Domain.FOREST),
    AIR_QUALITY_STATION(Domain.ENVIRONMENT),
    RAIN_GAUGE(Domain.ENVIRONMENT),
    RIVER_GAUGE(Domain.ENVIRONMENT),
    CUSTOMER_METER(Domain.POWER),
    TRANSFORMER_METER(Domain.POWER);

    private final Domain domain;

    SensorKind(Domain domain) {
        this.domain = domain;
    }

    public Domain domain() {
        return domain;
    }
}
