package io.cityops.jobs.detection.registry;

import io.cityops.jobs.detection.LateReading;
import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.RejectionReason;
import io.cityops.model.Topics;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorRegistration;
import io.cityops.model.json.JsonCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins each decoded reading (keyed by sensor id) with what the registry says of its sensor, giving
 * the {@link SensorReading}s every detector takes. The registry view starts as the city model's
 * sensors and follows the broadcast {@code registry} stream: sensors can be added, moved or retired
 * while the job runs; the broadcast state holds only the differences from the city model.
 *
 * <p>Three exits besides the main output:
 *
 * <ul>
 *   <li>{@link #LATE}: readings at or behind the watermark, counted as {@code lateReadings} (the
 *       job-level late-data exit; detectors downstream never see them)
 *   <li>{@link #REJECTED}: readings of a retired sensor, or of a sensor still unknown after the
 *       hold, with reason {@link RejectionReason#UNKNOWN_SENSOR}, counted as {@code
 *       unknownSensorReadings}
 *   <li>held readings: a reading of an unknown sensor waits in keyed state for up to the hold
 *       (processing time), since its registration may simply not have been read yet, and is
 *       released unchanged when the registration arrives. A released reading that the watermark has
 *       passed meanwhile goes to {@link #LATE} like any other late reading: windows downstream
 *       would drop it silently.
 * </ul>
 *
 * <p>A registration that lacks what the detectors key and label by (a kind, a district, a subject,
 * a positive heartbeat) is refused: logged, counted as {@code refusedRegistrations}, and the
 * sensor's previous registration (or the city model's) stays. Taken in, one hand-written record
 * would fail a keyed or aggregating operator on every reading, and the job would restart into the
 * same failure from its checkpoint.
 *
 * <p>The keyed state of a sensor (held readings and their deadline) is cleared by the hold timer,
 * so it never outlives the hold.
 */
public final class SensorEnrichmentFunction
        extends KeyedBroadcastProcessFunction<String, Reading, SensorRegistration, SensorReading> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SensorEnrichmentFunction.class);

    /** A bound on readings held per unknown sensor; more are rejected at once. */
    public static final int MAX_HELD_PER_SENSOR = 1_000;

    /** Registry entries that differ from the city model, by sensor id. */
    public static final MapStateDescriptor<String, SensorRegistration> REGISTRY =
            new MapStateDescriptor<>(
                    "sensor-registry", Types.STRING, TypeInformation.of(SensorRegistration.class));

    public static final OutputTag<LateReading> LATE =
            new OutputTag<>("late-readings", TypeInformation.of(LateReading.class));

    public static final OutputTag<RejectedReading> REJECTED =
            new OutputTag<>("unknown-sensor-readings", TypeInformation.of(RejectedReading.class));

    private static final ListStateDescriptor<Reading> HELD =
            new ListStateDescriptor<>("held-readings", TypeInformation.of(Reading.class));

    private final HashMap<String, Sensor> citySensors = new HashMap<>();
    private final long holdMs;

    private transient ListState<Reading> held;
    private transient ValueState<Long> holdUntil;
    private transient ValueState<Integer> heldCount;
    private transient Counter late;
    private transient Counter unknown;
    private transient Counter released;
    private transient Counter refused;

    /**
     * @param citySensors the sensors of the city model: the registry view before anything is read
     * @param hold how long a reading of an unknown sensor waits for its registration
     */
    public SensorEnrichmentFunction(Collection<Sensor> citySensors, Duration hold) {
        citySensors.forEach(s -> this.citySensors.put(s.id(), s));
        this.holdMs = hold.toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        held = getRuntimeContext().getListState(HELD);
        holdUntil =
                getRuntimeContext().getState(new ValueStateDescriptor<>("hold-until", Types.LONG));
        heldCount =
                getRuntimeContext().getState(new ValueStateDescriptor<>("held-count", Types.INT));
        late = getRuntimeContext().getMetricGroup().counter("lateReadings");
        unknown = getRuntimeContext().getMetricGroup().counter("unknownSensorReadings");
        released = getRuntimeContext().getMetricGroup().counter("releasedHeldReadings");
        refused = getRuntimeContext().getMetricGroup().counter("refusedRegistrations");
    }

    @Override
    public void processElement(Reading r, ReadOnlyContext ctx, Collector<SensorReading> out)
            throws Exception {
        long watermark = ctx.currentWatermark();
        if (r.ts() <= watermark) {
            late.inc();
            ctx.output(LATE, LateReading.of(r, watermark));
            return;
        }
        SensorRegistration entry = ctx.getBroadcastState(REGISTRY).get(r.sensorId());
        if (entry != null && entry.retired()) {
            reject(r, "sensor " + r.sensorId() + " is retired", ctx);
            return;
        }
        Sensor sensor = entry != null ? entry.sensor() : citySensors.get(r.sensorId());
        if (sensor != null) {
            out.collect(new SensorReading(r, sensor));
            return;
        }
        hold(r, ctx);
    }

    private void hold(Reading r, ReadOnlyContext ctx) throws Exception {
        Integer count = heldCount.value();
        int n = count == null ? 0 : count;
        if (holdMs == 0 || n >= MAX_HELD_PER_SENSOR) {
            reject(r, "sensor " + r.sensorId() + " is not registered", ctx);
            return;
        }
        if (holdUntil.value() == null) {
            long due = ctx.timerService().currentProcessingTime() + holdMs;
            holdUntil.update(due);
            ctx.timerService().registerProcessingTimeTimer(due);
        }
        held.add(r);
        heldCount.update(n + 1);
    }

    @Override
    public void processBroadcastElement(
            SensorRegistration entry, Context ctx, Collector<SensorReading> out) throws Exception {
        BroadcastState<String, SensorRegistration> registry = ctx.getBroadcastState(REGISTRY);
        String id = entry.sensorId();
        String incomplete = entry.retired() ? null : incomplete(entry.sensor());
        if (incomplete != null) {
            refused.inc();
            LOG.warn(
                    "registration of sensor {} refused, its previous one stays: {}",
                    id,
                    incomplete);
            return;
        }
        Sensor inCityModel = citySensors.get(id);
        boolean sameAsCityModel =
                entry.retired() ? inCityModel == null : entry.sensor().equals(inCityModel);
        if (sameAsCityModel) {
            registry.remove(id); // the city model already says so: keep the state small
        } else {
            registry.put(id, entry);
        }
        if (entry.retired()) {
            return; // readings held for it are rejected when their hold ends
        }
        Sensor sensor = entry.sensor();
        List<Reading> release = new ArrayList<>();
        ctx.applyToKeyedState(
                HELD,
                (key, state) -> {
                    if (key.equals(id)) {
                        state.get().forEach(release::add);
                        state.clear();
                    }
                });
        long watermark = ctx.currentWatermark();
        int onTime = 0;
        for (Reading r : release) {
            if (r.ts() <= watermark) { // the hold outlasted the allowed lateness
                late.inc();
                ctx.output(LATE, LateReading.of(r, watermark));
            } else {
                out.collect(new SensorReading(r, sensor));
                onTime++;
            }
        }
        if (!release.isEmpty()) {
            released.inc(onTime);
            LOG.info(
                    "sensor {} registered: {} held readings released, {} late",
                    id,
                    onTime,
                    release.size() - onTime);
        }
    }

    /**
     * Why a registered sensor cannot be taken in, or null when it can: every detector and the
     * aggregates need its kind, its district and its subject (DOMAIN.md gives every kind one: a
     * road segment, forest zone, transformer, river station or, for AQ stations and rain gauges,
     * the district), and silence needs a positive heartbeat.
     */
    public static String incomplete(Sensor s) {
        if (s.kind() == null) {
            return "no kind";
        }
        if (s.districtId() == null || s.districtId().isBlank()) {
            return "no districtId";
        }
        if (s.subjectId() == null || s.subjectId().isBlank()) {
            return "no subjectId (a " + s.kind() + " needs one)";
        }
        if (s.heartbeatSec() <= 0) {
            return "heartbeatSec " + s.heartbeatSec() + " is not positive";
        }
        return null;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SensorReading> out)
            throws Exception {
        Long due = holdUntil.value();
        if (due == null || due != timestamp) {
            return;
        }
        int rejected = 0;
        for (Reading r : held.get()) {
            reject(r, "no registration of sensor " + r.sensorId() + " within the hold", ctx);
            rejected++;
        }
        if (rejected > 0) {
            LOG.warn(
                    "sensor {} not registered after {} ms: {} readings rejected",
                    ctx.getCurrentKey(),
                    holdMs,
                    rejected);
        }
        held.clear();
        holdUntil.clear();
        heldCount.clear();
    }

    private void reject(Reading r, String detail, ReadOnlyContext ctx) {
        unknown.inc();
        ctx.output(
                REJECTED,
                new RejectedReading(
                        RejectionReason.UNKNOWN_SENSOR,
                        detail,
                        Topics.readings(r.domain()),
                        r.sensorId(),
                        ctx.timerService().currentProcessingTime(),
                        Base64.getEncoder().encodeToString(JsonCodec.READING.encode(r))));
    }

    /** Readings this instance set aside as late (the {@code lateReadings} metric). */
    long lateReadings() {
        return late.getCount();
    }

    /** Readings this instance rejected (the {@code unknownSensorReadings} metric). */
    long unknownSensorReadings() {
        return unknown.getCount();
    }
}
