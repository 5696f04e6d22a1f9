package io.cityops.model.city;

import java.io.Serializable;

/** A distribution transformer (22/0.4 kV) with the customer meters it feeds. */
public record Transformer(
        String id, String name, String districtId, String feederId, GeoPoint location)
        implements Serializable {}
