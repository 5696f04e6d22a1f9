package io.cityops.jobs.detection.power;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.city.SensorKind;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets through the readings of customer and transformer meters that name their transformer. A meter
 * without a subject (registered by hand without one) cannot be keyed by transformer: its readings
 * are dropped, counted ({@code powerMetersWithoutTransformer}) and logged once per meter.
 */
public final class PowerMeterFilter extends RichFilterFunction<SensorReading> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PowerMeterFilter.class);

    /** Meters remembered as already logged; beyond this, drops are only counted. */
    static final int MAX_LOGGED = 1_000;

    private transient Counter droppedMetric;
    private transient Set<String> logged;
    private transient long dropped;

    @Override
    public void open(OpenContext openContext) {
        droppedMetric =
                getRuntimeContext().getMetricGroup().counter("powerMetersWithoutTransformer");
    }

    @Override
    public boolean filter(SensorReading r) {
        SensorKind kind = r.sensor().kind();
        if (kind != SensorKind.CUSTOMER_METER && kind != SensorKind.TRANSFORMER_METER) {
            return false;
        }
        String subject = r.subjectId();
        if (subject != null && !subject.isBlank()) {
            return true;
        }
        dropped++;
        if (droppedMetric != null) {
            droppedMetric.inc();
        }
        if (logged == null) {
            logged = new HashSet<>();
        }
        if (logged.size() < MAX_LOGGED && logged.add(r.sensorId())) {
            LOG.warn(
                    "power meter {} has no transformer (subjectId) in the registry: its readings"
                            + " are dropped (logged once per meter)",
                    r.sensorId());
        }
        return false;
    }

    /** Readings dropped for want of a transformer since this instance was created. */
    long dropped() {
        return dropped;
    }
}
