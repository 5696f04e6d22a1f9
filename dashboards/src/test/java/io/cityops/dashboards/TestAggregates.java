package io.cityops.dashboards;

import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.json.JsonCodec;
import java.util.Map;

/**
 * Named builders for windowed summaries, and their bytes as the {@code aggregates} topic has them.
 */
public final class TestAggregates {
    private TestAggregates() {}

    /** The hourly VN_AQI of a district. */
    public static Aggregate districtAqi(String districtId, long windowStart, double aqi) {
        return new Aggregate(
                "air.district",
                districtId,
                Domain.ENVIRONMENT,
                districtId,
                "1h",
                windowStart,
                Map.of("aqi", aqi),
                Map.of("dominant", "pm25", "category", "moderate", "standard", "VN_AQI"));
    }

    /** A road segment's minute, with or without the detector's level label. */
    public static Aggregate segment(
            String segmentId, long windowStart, double speedRatio, double tti, String level) {
        return new Aggregate(
                "traffic.segment",
                segmentId,
                Domain.TRAFFIC,
                "105",
                "1m",
                windowStart,
                Map.of("speedRatio", speedRatio, "occupancy", 12.0, "travelTimeIndex", tti),
                level == null ? Map.of() : Map.of("level", level));
    }

    /** A transformer's hourly energy balance. */
    public static Aggregate energy(String transformerId, long windowStart, double lossShare) {
        return new Aggregate(
                "power.transformer",
                transformerId,
                Domain.POWER,
                "105",
                "1h",
                windowStart,
                Map.of(
                        "transformerWh",
                        10_000.0,
                        "customersWh",
                        10_000.0 * (1 - lossShare),
                        "lossShare",
                        lossShare),
                Map.of());
    }

    public static byte[] bytes(Aggregate a) {
        return JsonCodec.AGGREGATE.encode(a);
    }
}
