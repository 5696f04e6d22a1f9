package io.cityops.jobs.detection.aggregates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exact window summaries, from readings that do not all carry the same metrics. */
class MetricStatsAggregatorTest {
    private static final Sensor AQ =
            new Sensor(
                    "aq-105-1",
                    SensorKind.AIR_QUALITY_STATION,
                    "105",
                    "105",
                    new GeoPoint(22.4, 103.4),
                    60);

    private final MetricStatsAggregator aggregator = new MetricStatsAggregator();

    private static SensorReading aq(long ts, Map<String, Double> metrics) {
        return new SensorReading(new Reading(AQ.id(), Domain.ENVIRONMENT, ts, 1, metrics), AQ);
    }

    @Test
    void meansMinimaAndMaximaArePerMetricAndCountIsPerReading() {
        MetricStats acc = aggregator.createAccumulator();
        acc = aggregator.add(aq(1, Map.of("pm25", 10.0, "pm10", 40.0)), acc);
        acc = aggregator.add(aq(2, Map.of("pm25", 20.0)), acc);
        acc = aggregator.add(aq(3, Map.of("pm25", 60.0, "pm10", 20.0)), acc);

        assertThat(aggregator.getResult(acc).values())
                .containsOnly(
                        entry("pm25_mean", 30.0),
                        entry("pm25_min", 10.0),
                        entry("pm25_max", 60.0),
                        entry("pm10_mean", 30.0),
                        entry("pm10_min", 20.0),
                        entry("pm10_max", 40.0),
                        entry("count", 3.0));
        assertThat(acc.districtId).isEqualTo("105");
        assertThat(acc.domain).isEqualTo(Domain.ENVIRONMENT);
    }

    @Test
    void mergedSummariesEqualOneSummaryOfAllReadings() {
        MetricStats a = aggregator.add(aq(1, Map.of("pm25", 10.0)), new MetricStats());
        MetricStats b = aggregator.add(aq(2, Map.of("pm25", -4.0, "o3", 7.0)), new MetricStats());

        assertThat(aggregator.merge(a, b).values())
                .containsOnly(
                        entry("pm25_mean", 3.0),
                        entry("pm25_min", -4.0),
                        entry("pm25_max", 10.0),
                        entry("o3_mean", 7.0),
                        entry("o3_min", 7.0),
                        entry("o3_max", 7.0),
                        entry("count", 2.0));
    }
}
