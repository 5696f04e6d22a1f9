package io.cityops.jobs.detection.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Aggregate;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.city.GeoPoint;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

/**
 * A sensor without a district (a registry record that slipped through) must not fail the district
 * aggregate window: the task would restart into the same window and the whole job crash-loop.
 */
class AggregateWindowFunctionTest {
    private static final Sensor DISTRICTLESS =
            new Sensor(
                    "rg-new", SensorKind.RAIN_GAUGE, null, "rg-new", new GeoPoint(22.3, 103.2), 60);
    private static final Sensor GAUGE =
            new Sensor(
                    "rg-104", SensorKind.RAIN_GAUGE, "104", "104", new GeoPoint(22.3, 103.2), 60);

    private static SensorReading rain(Sensor s) {
        return new SensorReading(
                new Reading(
                        s.id(),
                        Domain.ENVIRONMENT,
                        60_000L,
                        Reading.NO_SEQ,
                        Map.of("rainfallMm", 1.0)),
                s);
    }

    private static List<Aggregate> fire(String kind, String key, SensorReading r) throws Exception {
        MetricStatsAggregator agg = new MetricStatsAggregator();
        MetricStats acc = agg.add(r, agg.createAccumulator());
        AggregateWindowFunction fn = new AggregateWindowFunction(kind, "1m");
        List<Aggregate> out = new ArrayList<>();
        AggregateWindowFunction.Context ctx =
                fn.new Context() {
                    @Override
                    public TimeWindow window() {
                        return new TimeWindow(0, 60_000);
                    }

                    @Override
                    public long currentProcessingTime() {
                        return 0;
                    }

                    @Override
                    public long currentWatermark() {
                        return 60_000;
                    }

                    @Override
                    public KeyedStateStore windowState() {
                        return null;
                    }

                    @Override
                    public KeyedStateStore globalState() {
                        return null;
                    }

                    @Override
                    public <X> void output(OutputTag<X> tag, X value) {}
                };
        fn.process(
                key,
                ctx,
                List.of(acc),
                new Collector<>() {
                    @Override
                    public void collect(Aggregate a) {
                        out.add(a);
                    }

                    @Override
                    public void close() {}
                });
        return out;
    }

    @Test
    void aDistrictSummaryWithoutADistrictIsSkippedInsteadOfFailingTheTask() throws Exception {
        SensorReading r = rain(DISTRICTLESS);

        assertThat(fire(GenericAggregates.DISTRICT, "null|ENVIRONMENT", r)).isEmpty();
        assertThat(GenericAggregates.hasDistrict(r)).isFalse();
    }

    @Test
    void aDistrictSummaryIsFiledUnderItsDistrict() throws Exception {
        SensorReading r = rain(GAUGE);

        assertThat(fire(GenericAggregates.DISTRICT, "104|ENVIRONMENT", r))
                .extracting(Aggregate::kind, Aggregate::subjectId, Aggregate::districtId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("district", "104", "104"));
        assertThat(GenericAggregates.hasDistrict(r)).isTrue();
    }
}
