package io.cityops.jobs.detection.registry;

import static io.cityops.jobs.testing.RiverFixtures.MUONG_TE_GAUGE;
import static io.cityops.jobs.testing.RiverFixtures.minute;
import static io.cityops.jobs.testing.RiverFixtures.waterLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cityops.jobs.detection.LateReading;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.jobs.testing.RiverFixtures;
import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.RejectionReason;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registry enrichment: known, held, released, rejected, moved, retired and late readings. */
class SensorEnrichmentFunctionTest {
    private static final String NEW_GAUGE = "wl-200-new";
    private static final Sensor MUONG_TE =
            RiverFixtures.city().sensor(MUONG_TE_GAUGE).orElseThrow();
    private static final Sensor NEW =
            new Sensor(
                    NEW_GAUGE,
                    MUONG_TE.kind(),
                    MUONG_TE.districtId(),
                    MUONG_TE.subjectId(),
                    MUONG_TE.location(),
                    300);

    private final SensorEnrichmentFunction function =
            new SensorEnrichmentFunction(RiverFixtures.city().sensors(), Duration.ofSeconds(30));
    private KeyedBroadcastOperatorTestHarness<String, Reading, SensorRegistration, SensorReading>
            harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        function,
                        Reading::sensorId,
                        Types.STRING,
                        SensorEnrichmentFunction.REGISTRY);
        harness.setProcessingTime(0);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    private void reading(String sensor, double minutes, double cm) throws Exception {
        Reading r = waterLevel(sensor, minutes, cm);
        harness.processElement(r, r.ts());
    }

    private void register(SensorRegistration entry) throws Exception {
        harness.processBroadcastElement(entry, Long.MIN_VALUE);
    }

    private int keyedStateEntries() {
        return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    @Test
    void aReadingOfACityModelSensorIsEnrichedBeforeTheRegistryIsRead() throws Exception {
        reading(MUONG_TE_GAUGE, 0, 28_500);

        assertThat(harness.extractOutputValues())
                .extracting(SensorReading::sensor, SensorReading::ts)
                .containsExactly(tuple(MUONG_TE, minute(0)));
        assertThat(keyedStateEntries()).isZero();
    }

    @Test
    void anUnknownSensorsReadingsWaitForItsRegistrationAndAreReleasedUnchanged() throws Exception {
        reading(NEW_GAUGE, 0, 28_500);
        reading(NEW_GAUGE, 5, 28_510);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(10_000);
        register(SensorRegistration.of(NEW));

        assertThat(harness.extractOutputValues())
                .extracting(SensorReading::sensor, SensorReading::ts)
                .containsExactly(tuple(NEW, minute(0)), tuple(NEW, minute(5)));
        reading(NEW_GAUGE, 10, 28_520); // known now: straight through
        assertThat(harness.extractOutputValues()).hasSize(3);

        harness.setProcessingTime(30_000); // the hold ends with nothing left to reject
        assertThat(harness.getSideOutput(SensorEnrichmentFunction.REJECTED)).isNull();
        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void anUnknownSensorsReadingsAreRejectedWhenTheHoldEnds() throws Exception {
        reading(NEW_GAUGE, 0, 28_500);
        harness.setProcessingTime(29_999);
        assertThat(harness.getSideOutput(SensorEnrichmentFunction.REJECTED)).isNull();

        harness.setProcessingTime(30_000);

        assertThat(harness.getSideOutput(SensorEnrichmentFunction.REJECTED))
                .extracting(
                        r -> r.getValue().reason(),
                        r -> r.getValue().sensorId(),
                        r -> r.getValue().topic(),
                        r -> r.getValue().receivedAt())
                .containsExactly(
                        tuple(
                                RejectionReason.UNKNOWN_SENSOR,
                                NEW_GAUGE,
                                "readings.environment",
                                30_000L));
        RejectedReading rejected =
                harness.getSideOutput(SensorEnrichmentFunction.REJECTED).peek().getValue();
        assertThat(JsonCodec.READING.decode(Base64.getDecoder().decode(rejected.payloadBase64())))
                .isEqualTo(waterLevel(NEW_GAUGE, 0, 28_500));
        assertThat(function.unknownSensorReadings()).isEqualTo(1);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(keyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void aMovedSensorsNextReadingCarriesItsNewSubjectAndDistrict() throws Exception {
        Sensor moved =
                new Sensor(
                        MUONG_TE_GAUGE,
                        MUONG_TE.kind(),
                        "999",
                        "rs-109-namgiang",
                        MUONG_TE.location(),
                        MUONG_TE.heartbeatSec());
        reading(MUONG_TE_GAUGE, 0, 28_500);
        register(SensorRegistration.of(moved));
        reading(MUONG_TE_GAUGE, 5, 28_500);

        assertThat(harness.extractOutputValues())
                .extracting(SensorReading::subjectId, SensorReading::districtId)
                .containsExactly(
                        tuple(MUONG_TE.subjectId(), MUONG_TE.districtId()),
                        tuple("rs-109-namgiang", "999"));
    }

    @Test
    void aRetiredSensorsReadingsAreRejectedAtOnce() throws Exception {
        register(SensorRegistration.retirement(MUONG_TE_GAUGE));
        reading(MUONG_TE_GAUGE, 0, 28_500);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(SensorEnrichmentFunction.REJECTED))
                .extracting(r -> r.getValue().reason(), r -> r.getValue().detail())
                .containsExactly(
                        tuple(RejectionReason.UNKNOWN_SENSOR, "sensor wl-107-muongte is retired"));
        assertThat(keyedStateEntries()).isZero();
    }

    @Test
    void reRegisteringTheCityModelsOwnEntryLeavesNoBroadcastState() throws Exception {
        register(SensorRegistration.of(NEW));
        register(SensorRegistration.of(MUONG_TE));
        register(SensorRegistration.retirement(NEW_GAUGE));

        assertThat(harness.getBroadcastState(SensorEnrichmentFunction.REGISTRY).entries())
                .isEmpty();
    }

    @Test
    void aReadingBehindTheWatermarkGoesToTheLateExitWithHowLateItWas() throws Exception {
        harness.processWatermark(new Watermark(minute(10)));
        harness.processBroadcastWatermark(new Watermark(Long.MAX_VALUE));

        reading(MUONG_TE_GAUGE, 4, 28_500);
        reading(NEW_GAUGE, 10, 28_500); // at the watermark is late too, known or not
        reading(MUONG_TE_GAUGE, 11, 28_500);

        assertThat(harness.getSideOutput(SensorEnrichmentFunction.LATE))
                .extracting(r -> r.getValue())
                .containsExactly(
                        new LateReading(
                                waterLevel(MUONG_TE_GAUGE, 4, 28_500),
                                minute(10),
                                Duration.ofMinutes(6).toMillis()),
                        new LateReading(waterLevel(NEW_GAUGE, 10, 28_500), minute(10), 0));
        assertThat(function.lateReadings()).isEqualTo(2);
        assertThat(harness.extractOutputValues())
                .extracting(SensorReading::ts)
                .containsExactly(minute(11));
        assertThat(keyedStateEntries()).isZero();
    }

    @Test
    void aHeldReadingThatTheWatermarkPassedDuringTheHoldIsReleasedAsLate() throws Exception {
        harness.processBroadcastWatermark(new Watermark(Long.MAX_VALUE)); // the registry is idle
        reading(NEW_GAUGE, 0, 28_500); // on time when it arrives: held
        reading(NEW_GAUGE, 2, 28_510);
        harness.processWatermark(new Watermark(minute(1)));

        register(SensorRegistration.of(NEW));

        assertThat(harness.getSideOutput(SensorEnrichmentFunction.LATE))
                .extracting(r -> r.getValue())
                .containsExactly(
                        new LateReading(
                                waterLevel(NEW_GAUGE, 0, 28_500),
                                minute(1),
                                Duration.ofMinutes(1).toMillis()));
        assertThat(function.lateReadings()).isEqualTo(1);
        assertThat(harness.extractOutputValues())
                .extracting(SensorReading::sensor, SensorReading::ts)
                .containsExactly(tuple(NEW, minute(2)));
    }

    @Test
    void aRegistrationWithoutDistrictIsRefusedAndItsSensorStaysUnknown() throws Exception {
        SensorRegistration districtless =
                JsonCodec.REGISTRATION.decode(
                        ("{\"sensorId\":\"rg-new\",\"retired\":false,\"sensor\":{\"id\":\"rg-new\","
                                        + "\"kind\":\"RAIN_GAUGE\",\"subjectId\":\"rg-new\","
                                        + "\"location\":{\"lat\":22.3,\"lon\":103.2},"
                                        + "\"heartbeatSec\":60}}")
                                .getBytes(StandardCharsets.UTF_8));
        register(districtless);
        reading("rg-new", 0, 1);

        assertThat(harness.extractOutputValues()).isEmpty(); // held as unknown, then rejected
        assertThat(harness.getBroadcastState(SensorEnrichmentFunction.REGISTRY).entries())
                .isEmpty();
        harness.setProcessingTime(30_000);
        assertThat(harness.getSideOutput(SensorEnrichmentFunction.REJECTED)).hasSize(1);
    }

    @Test
    void aMoveThatDropsTheSubjectIsRefusedAndThePreviousRegistrationStays() throws Exception {
        Sensor noSubject =
                new Sensor(
                        MUONG_TE_GAUGE,
                        MUONG_TE.kind(),
                        MUONG_TE.districtId(),
                        null,
                        MUONG_TE.location(),
                        MUONG_TE.heartbeatSec());
        register(SensorRegistration.of(noSubject));
        reading(MUONG_TE_GAUGE, 0, 28_500);

        assertThat(harness.extractOutputValues())
                .extracting(SensorReading::sensor)
                .containsExactly(MUONG_TE);
    }

    @Test
    void whatARegistrationNeedsToBeTakenIn() {
        assertThat(SensorEnrichmentFunction.incomplete(MUONG_TE)).isNull();
        assertThat(
                        SensorEnrichmentFunction.incomplete(
                                new Sensor("x", MUONG_TE.kind(), " ", "s", null, 60)))
                .isEqualTo("no districtId");
        assertThat(
                        SensorEnrichmentFunction.incomplete(
                                new Sensor("x", MUONG_TE.kind(), "104", null, null, 60)))
                .isEqualTo("no subjectId (a RIVER_GAUGE needs one)");
        assertThat(SensorEnrichmentFunction.incomplete(new Sensor("x", null, "104", "s", null, 60)))
                .isEqualTo("no kind");
        assertThat(
                        SensorEnrichmentFunction.incomplete(
                                new Sensor("x", MUONG_TE.kind(), "104", "s", null, 0)))
                .isEqualTo("heartbeatSec 0 is not positive");
    }
}
