package io.cityops.simulator.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cityops.jobs.detection.rain.RainAlarm;
import io.cityops.jobs.detection.rain.RainBuckets;
import io.cityops.jobs.detection.rain.RainParams;
import io.cityops.model.Metric;
import io.cityops.model.Reading;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.Sensor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RainBurstTest {
    private static final long BUCKET_MS = RainParams.DEFAULTS.bucket().toMillis();

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theGaugeGetsItsBurstOnTopOfItsOwnRainWithinTenMinutes(long seed) {
        RainBurst burst = (RainBurst) Incidents.pick(IncidentKind.RAIN_BURST, seed);
        assertThat(burst.totalMm()).isBetween(60.0, 80.0); // > 50 mm/1 h, < 100 mm/3 h
        Map<Duration, Double> with = rain(burst, burst.gaugeId());
        Map<Duration, Double> without = rain(new SilentSensor(other()), burst.gaugeId());

        double extra = 0;
        for (Duration e : with.keySet()) {
            double d = with.get(e) - without.get(e);
            assertThat(d).isGreaterThanOrEqualTo(-1e-9);
            if (e.compareTo(Duration.ofSeconds((long) RainBurst.RAIN_S)) > 0) {
                assertThat(d).as("rain after the burst at %s", e).isCloseTo(0, within(1e-9));
            }
            extra += d;
        }
        // Each reading carries the rain since the one before; rounding to 0.01 mm per reading.
        assertThat(extra).isCloseTo(burst.totalMm(), within(0.01 * with.size()));
    }

    @Test
    void theRainAlarmRaisesOnTheOneHourThresholdAndClearsAfterTheHourPasses() {
        RainBurst burst = (RainBurst) Incidents.pick(IncidentKind.RAIN_BURST, 1);
        Sensor gauge = Incidents.CITY.sensor(burst.gaugeId()).orElseThrow();
        long start = Incidents.START.toEpochMilli();
        Map<Long, Double> buckets = new TreeMap<>();
        rainReadings(burst, gauge.id(), Duration.ofHours(3))
                .forEach(
                        r ->
                                buckets.merge(
                                        RainBuckets.bucketOf(r.ts(), BUCKET_MS),
                                        r.value(Metric.RAINFALL_MM),
                                        Double::sum));
        RainAlarm alarm = new RainAlarm(RainParams.DEFAULTS);
        int mask = 0;
        List<Signal> signals = new ArrayList<>();
        for (long end = start + BUCKET_MS;
                end <= start + 3 * RainBuckets.HOUR_MS;
                end += BUCKET_MS) {
            long t = end - 1;
            RainAlarm.Step step =
                    alarm.onSums(
                            mask,
                            RainBuckets.sums(new TreeMap<>(buckets).headMap(end).entrySet(), t),
                            gauge.id(),
                            gauge.districtId(),
                            t);
            mask = step.mask();
            step.signal().ifPresent(signals::add);
        }

        assertThat(signals)
                .extracting(Signal::action)
                .containsExactly(SignalAction.RAISE, SignalAction.CLEAR);
        Signal raise = signals.get(0);
        assertThat(raise.type()).isEqualTo("rain.accumulation");
        assertThat(raise.severity()).isEqualTo(Severity.MINOR);
        assertThat(raise.attributes()).containsEntry("exceeded", "1h");
        // The burst falls within the first ten-minute bucket: raised when that bucket closes.
        assertThat(raise.eventTime()).isEqualTo(start + BUCKET_MS - 1);
        // Cleared when the wet buckets have left the hour (1 h sum below 40 mm).
        assertThat(signals.get(1).eventTime())
                .isBetween(
                        start + RainBuckets.HOUR_MS, start + RainBuckets.HOUR_MS + 2 * BUCKET_MS);
    }

    @Test
    void theRiverOfTheDistrictRisesBelowLevelOneAndFallsBack() {
        RainBurst burst = (RainBurst) Incidents.pick(IncidentKind.RAIN_BURST, 1);
        String riverGauge = burst.riverGaugeId().orElseThrow();
        Sensor sensor = Incidents.CITY.sensor(riverGauge).orElseThrow();
        RiverStation river = Incidents.CITY.riverStation(sensor.subjectId()).orElseThrow();
        double normal = river.level1Cm() - 200;
        Map<Metric, Double> before = Map.of(Metric.WATER_LEVEL_CM, normal);

        assertThat(burst.adjust(sensor, Duration.ofSeconds(120), before))
                .containsEntry(Metric.WATER_LEVEL_CM, normal);
        assertThat(burst.adjust(sensor, Duration.ofSeconds(900), before))
                .containsEntry(Metric.WATER_LEVEL_CM, normal + 0.6 * 200);
        assertThat(burst.adjust(sensor, burst.duration(), before))
                .containsEntry(Metric.WATER_LEVEL_CM, normal);
        assertThat(burst.sensorIds()).containsExactlyInAnyOrder(burst.gaugeId(), riverGauge);
        assertThat(burst.duration()).isEqualTo(Duration.ofMinutes(25));
        for (int s = 0; s <= 1500; s += 10) {
            assertThat(
                            burst.adjust(sensor, Duration.ofSeconds(s), before)
                                    .get(Metric.WATER_LEVEL_CM))
                    .isLessThan(river.level1Cm());
        }
    }

    private static Map<Duration, Double> rain(Incident incident, String gaugeId) {
        Map<Duration, Double> m = new TreeMap<>();
        for (Incidents.Step s :
                Incidents.run(
                        incident,
                        x -> x.id().equals(gaugeId),
                        Duration.ofSeconds(60),
                        Duration.ofMinutes(15))) {
            m.put(s.elapsed(), s.readings().get(gaugeId).value(Metric.RAINFALL_MM));
        }
        return m;
    }

    private static List<Reading> rainReadings(Incident incident, String gaugeId, Duration span) {
        return Incidents.run(incident, x -> x.id().equals(gaugeId), Duration.ofSeconds(60), span)
                .stream()
                .map(s -> s.readings().get(gaugeId))
                .toList();
    }

    /** A sensor no rain burst involves, for a run with the same models but no burst. */
    private static Sensor other() {
        return Incidents.CITY.sensors().stream()
                .filter(s -> s.kind() == io.cityops.model.city.SensorKind.AIR_QUALITY_STATION)
                .findFirst()
                .orElseThrow();
    }
}
