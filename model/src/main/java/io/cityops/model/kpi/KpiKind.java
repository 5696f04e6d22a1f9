package io.cityops.model.kpi;

import io.cityops.model.Domain;

/**
 * What a KPI measures. Every KPI is a share in percent of a quantity (hectares, kilometres,
 * stations) that is live now; the quantity's unit is {@link #quantityUnit()}.
 */
public enum KpiKind {
    FOREST_MONITORED("forest.monitored", "Forest area monitored", "ha", Domain.FOREST),
    ROAD_SURVEILLED(
            "road.surveilled", "Road length under traffic surveillance", "km", Domain.TRAFFIC),
    RIVER_STATIONS_REPORTING(
            "river-stations.reporting", "River stations reporting", "stations", Domain.ENVIRONMENT),
    RAIN_GAUGES_REPORTING(
            "rain-gauges.reporting", "Rain gauges reporting", "gauges", Domain.ENVIRONMENT),
    METERS_REPORTING("meters.reporting", "Meters reporting", "meters", Domain.POWER),
    /**
     * Districts with live feeds in every required domain. Its signals carry the environment domain
     * only because a signal needs one; the KPI itself spans all four.
     */
    SMART_SERVICE_DISTRICTS(
            "smart-services.districts",
            "Districts with live smart-city services",
            "districts",
            Domain.ENVIRONMENT);

    private final String slug;
    private final String title;
    private final String quantityUnit;
    private final Domain domain;

    KpiKind(String slug, String title, String quantityUnit, Domain domain) {
        this.slug = slug;
        this.title = title;
        this.quantityUnit = quantityUnit;
        this.domain = domain;
    }

    /** Short dotted name used in KPI ids and signal attributes, e.g. {@code forest.monitored}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** Unit of the KPI's numerator and denominator. */
    public String quantityUnit() {
        return quantityUnit;
    }

    /** The domain a signal about this KPI is filed under. */
    public Domain domain() {
        return domain;
    }
}
