package io.cityops.alerting.lifecycle;

import static io.cityops.alerting.testing.Signals.muongTeWater;
import static org.assertj.core.api.Assertions.assertThat;

import io.cityops.alerting.testing.Alerts;
import io.cityops.model.Alert;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.io.IOException;
import java.time.Duration;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** Flink must serialize every type crossing operators or held in state without Kryo (STYLE #10). */
class SerializationTest {
    @Test
    void signalIsAPojoWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Signal.class);
    }

    @Test
    void alertIsAPojoWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Alert.class);
    }

    @Test
    void commandsAndPendingDeadlinesArePojosWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(io.cityops.model.AlertCommand.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(Pending.class);
    }

    @Test
    void pendingClearWithItsSignalSurvivesARoundTrip() throws IOException {
        Pending p =
                Pending.NONE
                        .withClear(
                                5L, muongTeWater(SignalAction.CLEAR, Severity.INFO, Duration.ZERO))
                        .withEscalateAt(7L);
        assertThat(roundTrip(p, Pending.class)).isEqualTo(p);
    }

    @Test
    void rawAndUndecodableRecordsArePojosWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(RawRecord.class);
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(UndecodableRecord.class);
    }

    @Test
    void alertWithNullFieldsSurvivesARoundTrip() throws IOException {
        Alert alert = Alerts.muongTeRaised(); // message is null
        assertThat(roundTrip(alert, Alert.class)).isEqualTo(alert);
    }

    @Test
    void signalSurvivesARoundTrip() throws IOException {
        Signal signal = muongTeWater(SignalAction.UPDATE, Severity.CRITICAL, Duration.ofMinutes(3));
        assertThat(roundTrip(signal, Signal.class)).isEqualTo(signal);
    }

    private static <T> T roundTrip(T value, Class<T> type) throws IOException {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<T> serializer = TypeInformation.of(type).createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
