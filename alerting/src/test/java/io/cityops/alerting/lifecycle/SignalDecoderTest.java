package io.cityops.alerting.lifecycle;

import static io.cityops.alerting.testing.Signals.muongTeWater;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignalDecoderTest {
    private OneInputStreamOperatorTestHarness<RawRecord, Signal> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = ProcessFunctionTestHarnesses.forProcessFunction(new SignalDecoder());
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void validSignalPassesThrough() throws Exception {
        Signal signal = muongTeWater(SignalAction.RAISE, Severity.MAJOR, Duration.ZERO);

        harness.processElement(new RawRecord("signals-0@7", JsonCodec.SIGNAL.encode(signal)), 0);

        assertThat(harness.extractOutputValues()).containsExactly(signal);
        assertThat(harness.getSideOutput(SignalDecoder.UNDECODABLE)).isNull();
    }

    @Test
    void garbageAndIncompleteSignalsGoToTheSideOutputWithoutFailing() throws Exception {
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
        byte[] noType =
                "{\"subjectId\":\"x\",\"domain\":\"FOREST\"}".getBytes(StandardCharsets.UTF_8);

        harness.processElement(new RawRecord("signals-0@8", garbage), 0);
        harness.processElement(new RawRecord("signals-1@9", noType), 0);
        harness.processElement(new RawRecord("signals-1@10", null), 0);

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(SignalDecoder.UNDECODABLE))
                .extracting(StreamRecord::getValue)
                .extracting(UndecodableRecord::origin)
                .containsExactly("signals-0@8", "signals-1@9", "signals-1@10");
        assertThat(harness.getSideOutput(SignalDecoder.UNDECODABLE))
                .extracting(r -> r.getValue().reason())
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
    }
}
