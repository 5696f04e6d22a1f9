package io.cityops.model.city;

import java.io.Serializable;

/**
 * A named area inside one district, such as a forest compartment watched by a group of stations.
 */
public record Zone(String id, String name, ZoneKind kind, String districtId, GeoPoint centre)
        implements Serializable {}
