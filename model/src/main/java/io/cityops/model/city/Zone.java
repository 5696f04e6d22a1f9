package io.cityops.model.city;

import java.io.Serializable;
import java.util.List;

/**
 * A named area inside one district, such as a forest compartment watched by a group of stations.
 *
 * @param boundary the zone's outline as a ring of WGS84 points (first point not repeated at the
 *     end), or empty when the model gives none; coverage of a zone is measured against it
 */
public record Zone(
        String id,
        String name,
        ZoneKind kind,
        String districtId,
        GeoPoint centre,
        List<GeoPoint> boundary)
        implements Serializable {

    public Zone {
        boundary = boundary == null ? List.of() : List.copyOf(boundary);
    }

    /** A zone without a boundary. */
    public Zone(String id, String name, ZoneKind kind, String districtId, GeoPoint centre) {
        this(id, name, kind, districtId, centre, List.of());
    }

    public boolean hasBoundary() {
        return !boundary.isEmpty();
    }
}
