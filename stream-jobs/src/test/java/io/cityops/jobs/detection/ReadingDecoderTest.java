package io.cityops.jobs.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.jobs.testing.RiverFixtures;
import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class ReadingDecoderTest {
    @Test
    void aValidPayloadBecomesItsReading() throws Exception {
        Reading reading = RiverFixtures.waterLevel("wl-107-muongte", 3, 28_650.5);
        try (OneInputStreamOperatorTestHarness<RawReading, Reading> h =
                ProcessFunctionTestHarnesses.forProcessFunction(new ReadingDecoder())) {
            h.processElement(RiverFixtures.raw(reading), reading.ts());

            assertThat(h.extractOutputValues()).containsExactly(reading);
            assertThat(h.getSideOutput(ReadingDecoder.REJECTED)).isNull();
        }
    }

    @Test
    void aMalformedPayloadIsRejectedWithItsBytesInsteadOfFailingTheJob() throws Exception {
        byte[] garbage =
                "{\"sensorId\":\"wl-107-muongte\",\"ts\":1}".getBytes(StandardCharsets.UTF_8);
        try (OneInputStreamOperatorTestHarness<RawReading, Reading> h =
                ProcessFunctionTestHarnesses.forProcessFunction(new ReadingDecoder())) {
            h.processElement(
                    new RawReading("readings.environment", "wl-107-muongte", garbage),
                    Long.MIN_VALUE);

            assertThat(h.extractOutputValues()).isEmpty();
            RejectedReading rejected =
                    h.getSideOutput(ReadingDecoder.REJECTED).stream()
                            .map(StreamRecord::getValue)
                            .findFirst()
                            .orElseThrow();
            assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED);
            assertThat(rejected.topic()).isEqualTo("readings.environment");
            assertThat(rejected.sensorId()).isEqualTo("wl-107-muongte");
            assertThat(rejected.detail()).contains("Reading");
            assertThat(Base64.getDecoder().decode(rejected.payloadBase64())).isEqualTo(garbage);
        }
    }
}
