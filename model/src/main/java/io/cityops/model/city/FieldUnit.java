package io.cityops.model.city;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * A team in the field that receives alerts on a device: rangers, traffic police, power crews,
 * environment teams, disaster response.
 *
 * @param districtIds the districts the unit is responsible for
 * @param base where the unit is stationed
 */
public record FieldUnit(
        String id,
        String name,
        Set<Capability> capabilities,
        List<String> districtIds,
        GeoPoint base)
        implements Serializable {

    public FieldUnit {
        capabilities = Set.copyOf(capabilities);
        districtIds = List.copyOf(districtIds);
    }

    public boolean covers(String districtId) {
        return districtIds.contains(districtId);
    }
}
