package io.cityops.jobs.history;

import io.cityops.model.Aggregate;
import io.cityops.model.Alert;
import io.cityops.model.Reading;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns model events into {@link HistoryPoint}s in the layout of {@link HistorySchema}. */
public final class HistoryPoints {
    private static final long NANOS_PER_MS = 1_000_000L;

    private HistoryPoints() {}

    /** Maps one input element to the points it writes; must be deterministic for idempotency. */
    @FunctionalInterface
    public interface Mapper<T> extends Serializable {
        List<HistoryPoint> toPoints(T value);
    }

    /** District of a sensor, or null when unknown. */
    @FunctionalInterface
    public interface DistrictLookup extends Serializable {
        String districtOf(String sensorId);

        /** Districts from the city model (which travels with the job graph). */
        static DistrictLookup of(CityModel city) {
            return id -> city.sensor(id).map(Sensor::districtId).orElse(null);
        }
    }

    /**
     * A reading is one point at its event time. Two readings of a sensor in the same millisecond
     * share an identity and the later write wins, as for a replay.
     */
    public static Mapper<Reading> readings(DistrictLookup districtOf) {
        return r -> {
            Map<String, String> tags = new HashMap<>();
            tags.put("sensorId", r.sensorId());
            tags.put("domain", r.domain().name());
            String district = districtOf.districtOf(r.sensorId());
            if (district != null) {
                tags.put("districtId", district);
            }
            Map<String, Object> fields = new HashMap<>();
            r.metrics()
                    .forEach(
                            (k, v) -> {
                                if (Double.isFinite(v)) {
                                    fields.put(k, v);
                                }
                            });
            if (fields.isEmpty()) {
                return List.of();
            }
            return List.of(
                    new HistoryPoint(
                            HistorySchema.RP_RAW,
                            HistorySchema.READING,
                            tags,
                            fields,
                            r.ts() * NANOS_PER_MS));
        };
    }

    /**
     * An alert version is one point at its update time plus its version in nanoseconds, so every
     * version keeps its own point even when two share a millisecond, and a replay overwrites it.
     */
    public static Mapper<Alert> alerts() {
        return a -> {
            Map<String, String> tags = new HashMap<>();
            tags.put("alertId", a.alertId());
            tags.put("domain", a.domain().name());
            tags.put("severity", a.severity().name());
            tags.put("type", a.type());
            if (a.districtId() != null) {
                tags.put("districtId", a.districtId());
            }
            Map<String, Object> fields = new HashMap<>();
            fields.put("version", a.version());
            fields.put("state", a.state().name());
            fields.put("acknowledged", a.acknowledged());
            fields.put("subjectId", a.subjectId());
            fields.put("units", String.join(",", a.assignedUnits()));
            putIfPresent(fields, "change", a.change());
            putIfPresent(fields, "actor", a.actor());
            putIfPresent(fields, "message", a.message());
            return List.of(
                    new HistoryPoint(
                            HistorySchema.RP_EVENTS,
                            HistorySchema.ALERT_EVENT,
                            tags,
                            fields,
                            a.updatedAt() * NANOS_PER_MS
                                    + Math.floorMod(a.version(), NANOS_PER_MS)));
        };
    }

    /** Tag keys of an aggregate point; a label with one of these names is not stored. */
    static final Set<String> AGGREGATE_TAGS =
            Set.of("kind", "subjectId", "districtId", "domain", "window");

    /**
     * An aggregate is one point at its window start in the measurement of its kind and the policy
     * of its window. Labels are string fields, not tags: the point's identity is kind, subject,
     * district, domain, window and start only, so a re-emitted window overwrites its point even
     * when a label (a category, a level) changed. Non-finite values are left out; a label named
     * like a value or a tag is left out too.
     */
    public static Mapper<Aggregate> aggregates() {
        return a -> {
            Map<String, String> tags = new HashMap<>();
            tags.put("kind", a.kind());
            tags.put("subjectId", a.subjectId());
            tags.put("domain", a.domain().name());
            tags.put("window", a.window());
            if (a.districtId() != null) {
                tags.put("districtId", a.districtId());
            }
            Map<String, Object> fields = new HashMap<>();
            a.values()
                    .forEach(
                            (k, v) -> {
                                if (v != null && Double.isFinite(v)) {
                                    fields.put(k, v);
                                }
                            });
            a.labels()
                    .forEach(
                            (k, v) -> {
                                if (v != null
                                        && !AGGREGATE_TAGS.contains(k)
                                        && !a.values().containsKey(k)) {
                                    fields.put(k, v);
                                }
                            });
            if (fields.isEmpty()) {
                return List.of();
            }
            return List.of(
                    new HistoryPoint(
                            HistorySchema.aggregatePolicy(a.window()),
                            HistorySchema.aggregateMeasurement(a.kind()),
                            tags,
                            fields,
                            a.windowStart() * NANOS_PER_MS));
        };
    }

    private static void putIfPresent(Map<String, Object> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
