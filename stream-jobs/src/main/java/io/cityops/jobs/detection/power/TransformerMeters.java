package io.cityops.jobs.detection.power;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.Transformer;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the city model says about transformers: the customer meters each one feeds (customer meters'
 * subject is their transformer) and its district. Meters the registry adds later are learnt by the
 * detectors from the readings themselves; this is the roll they start from.
 */
public final class TransformerMeters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, TreeSet<String>> customers = new HashMap<>();
    private final HashMap<String, String> districts = new HashMap<>();

    public TransformerMeters(CityModel city) {
        for (Transformer t : city.transformers()) {
            districts.put(t.id(), t.districtId());
        }
        for (Sensor s : city.sensors()) {
            if (s.kind() == SensorKind.CUSTOMER_METER) {
                customers.computeIfAbsent(s.subjectId(), k -> new TreeSet<>()).add(s.id());
            }
        }
    }

    /** The customer meters the city model puts under a transformer (empty when unknown). */
    public Set<String> customers(String transformerId) {
        TreeSet<String> ids = customers.get(transformerId);
        return ids == null ? Set.of() : ids;
    }

    /** The transformer's district, or {@code fallback} (the meter's) when the model lacks it. */
    public String district(String transformerId, String fallback) {
        return districts.getOrDefault(transformerId, fallback);
    }

    /** Number of customer meters: those of the model plus any others seen among {@code seen}. */
    public int count(String transformerId, Iterable<String> seen) {
        Set<String> known = customers(transformerId);
        int n = known.size();
        for (String id : seen) {
            if (!known.contains(id)) {
                n++;
            }
        }
        return n;
    }
}
