package io.cityops.dashboards.live;

import io.cityops.dashboards.alerts.AlertFilter;
import io.cityops.dashboards.alerts.AlertStore;
import io.cityops.dashboards.auth.Principal;
import io.cityops.dashboards.auth.Role;
import io.cityops.model.Aggregate;
import io.cityops.model.Alert;
import io.cityops.model.AlertState;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.District;
import io.cityops.model.city.RoadSegment;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.Transformer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the live panels show, from the latest aggregates and the open alerts joined with the city
 * model: AQI per district, traffic state per road segment, power outages per transformer. Every
 * district and segment of the model is listed, with empty values until its first summary arrives.
 */
public final class LivePanels {
    /** Aggregate kinds and windows the panels read (the {@code Aggregate} contract). */
    public static final String AIR_DISTRICT = "air.district";

    public static final String TRAFFIC_SEGMENT = "traffic.segment";
    public static final String AQI_WINDOW = "1h";
    public static final String TRAFFIC_WINDOW = "1m";

    /** Signal type of a transformer outage; its alert's subject is the transformer id. */
    public static final String OUTAGE_TYPE = "power.outage";

    /** Attribute names an outage alert may carry its affected-customer count under, in order. */
    static final List<String> AFFECTED_KEYS =
            List.of("affectedCustomers", "customersAffected", "affected", "customers");

    private final CityModel city;
    private final AggregateStore aggregates;
    private final AlertStore alerts;
    private final Map<String, Long> metersPerTransformer;

    public LivePanels(CityModel city, AggregateStore aggregates, AlertStore alerts) {
        this.city = city;
        this.aggregates = aggregates;
        this.alerts = alerts;
        this.metersPerTransformer =
                city.sensors().stream()
                        .filter(s -> s.kind() == SensorKind.CUSTOMER_METER)
                        .collect(Collectors.groupingBy(s -> s.subjectId(), Collectors.counting()));
    }

    /**
     * One district's air quality: the latest hourly {@code air.district} summary.
     *
     * @param categoryLabel the category's readable name as the producer gave it, in its standard's
     *     language ("Rất xấu" for VN_AQI, "Very Unhealthy" for US EPA), or its code when no name
     *     came
     */
    public record DistrictAqi(
            String districtId,
            String name,
            Double aqi,
            AqiCategory category,
            String colour,
            String categoryLabel,
            String dominant,
            String standard,
            Long windowStart) {}

    /** One road segment's state: the latest one-minute {@code traffic.segment} summary. */
    public record SegmentState(
            String segmentId,
            String name,
            String districtId,
            double freeFlowKmh,
            Double speedRatio,
            Double occupancy,
            Double travelTimeIndex,
            TrafficLevel level,
            Long windowStart) {}

    /**
     * An open transformer outage.
     *
     * @param affectedCustomers the count the detector put on the alert, null if it gave none
     * @param customersServed customer meters the city model places under the transformer
     * @param since when the outage alert was raised (epoch ms)
     */
    public record Outage(
            String alertId,
            String transformerId,
            String transformerName,
            String districtId,
            Integer affectedCustomers,
            long customersServed,
            long since,
            String severity,
            boolean acknowledged) {}

    public List<DistrictAqi> aqi() {
        return city.districts().stream()
                .sorted(Comparator.comparing(District::id))
                .map(d -> districtAqi(d, aggregates.latest(AIR_DISTRICT, d.id(), AQI_WINDOW)))
                .toList();
    }

    public List<SegmentState> traffic() {
        return city.roadSegments().stream()
                .sorted(Comparator.comparing(RoadSegment::id))
                .map(s -> segment(s, aggregates.latest(TRAFFIC_SEGMENT, s.id(), TRAFFIC_WINDOW)))
                .toList();
    }

    /** Open outage alerts, the longest-running first. */
    public List<Outage> outages() {
        Map<String, Transformer> byId =
                city.transformers().stream()
                        .collect(Collectors.toMap(Transformer::id, Function.identity()));
        return alerts.find(AlertFilter.active(Principal.of("live-panels", Role.ADMIN))).stream()
                .filter(a -> a.state() == AlertState.ACTIVE && isOutage(a.type()))
                .sorted(Comparator.comparingLong(Alert::openedAt))
                .map(a -> outage(a, byId.get(a.subjectId())))
                .toList();
    }

    static boolean isOutage(String type) {
        return type.equals(OUTAGE_TYPE) || type.startsWith(OUTAGE_TYPE + ".");
    }

    /**
     * The readable name of the AQI category the producer put on the summary, in the language of its
     * standard (VN_AQI: "Rất xấu", US EPA: "Very Unhealthy"), rather than its code ({@code
     * very-bad}); the code when no name came with it.
     */
    static String categoryLabel(Map<String, String> labels) {
        String name = labels.get("categoryName");
        return name != null && !name.isBlank() ? name : labels.get("category");
    }

    static DistrictAqi districtAqi(District d, Optional<Aggregate> latest) {
        if (latest.isEmpty() || Double.isNaN(latest.get().value("aqi"))) {
            return new DistrictAqi(d.id(), d.name(), null, null, null, null, null, null, null);
        }
        Aggregate a = latest.get();
        double aqi = a.value("aqi");
        AqiCategory c = AqiCategory.of(aqi);
        return new DistrictAqi(
                d.id(),
                d.name(),
                aqi,
                c,
                c.colour(),
                categoryLabel(a.labels()),
                a.labels().get("dominant"),
                a.labels().get("standard"),
                a.windowStart());
    }

    private static SegmentState segment(RoadSegment s, Optional<Aggregate> latest) {
        if (latest.isEmpty()) {
            return new SegmentState(
                    s.id(),
                    s.name(),
                    s.districtId(),
                    s.freeFlowKmh(),
                    null,
                    null,
                    null,
                    TrafficLevel.UNKNOWN,
                    null);
        }
        Aggregate a = latest.get();
        double ratio = a.value("speedRatio");
        double occupancy = a.value("occupancy");
        TrafficLevel level =
                TrafficLevel.named(a.labels().get("level"))
                        .orElseGet(() -> TrafficLevel.of(ratio, occupancy));
        return new SegmentState(
                s.id(),
                s.name(),
                s.districtId(),
                s.freeFlowKmh(),
                finite(ratio),
                finite(occupancy),
                finite(a.value("travelTimeIndex")),
                level,
                a.windowStart());
    }

    private Outage outage(Alert a, Transformer t) {
        return new Outage(
                a.alertId(),
                a.subjectId(),
                t == null ? a.subjectId() : t.name(),
                a.districtId() != null ? a.districtId() : t == null ? null : t.districtId(),
                affected(a.attributes()),
                metersPerTransformer.getOrDefault(a.subjectId(), 0L),
                a.openedAt(),
                a.severity().name(),
                a.acknowledged());
    }

    static Integer affected(Map<String, String> attributes) {
        if (attributes == null) {
            return null;
        }
        for (String key : AFFECTED_KEYS) {
            String v = attributes.get(key);
            if (v != null) {
                try {
                    return (int) Math.round(Double.parseDouble(v.trim()));
                } catch (NumberFormatException e) {
                    // evidence written as text ("12 of 20"): try the leading number
                    String digits = v.trim().replaceFirst("^(\\d+).*$", "$1");
                    if (digits.chars().allMatch(Character::isDigit) && !digits.isEmpty()) {
                        return Integer.parseInt(digits);
                    }
                }
            }
        }
        return null;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
