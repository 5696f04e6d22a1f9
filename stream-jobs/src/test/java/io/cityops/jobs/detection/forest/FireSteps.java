package io.cityops.jobs.detection.forest;

import io.cityops.jobs.detection.SensorReading;
import io.cityops.model.Signal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Drives a {@link ZoneFireWatch} for one zone the way the operator does, collecting signals. */
final class FireSteps {
    private final ZoneFireWatch watch;
    private final Map<String, TemperatureTrace> traces = new HashMap<>();
    private final List<Signal> signals = new ArrayList<>();
    private ZoneFireState state = ZoneFireState.INITIAL;

    FireSteps(ForestParams params) {
        this.watch = new ZoneFireWatch(params);
    }

    FireSteps take(SensorReading r) {
        FireSample sample = FireSample.of(r);
        ZoneFireWatch.Step step =
                watch.onSample(
                        state,
                        traces.getOrDefault(sample.stationId(), TemperatureTrace.EMPTY),
                        r.subjectId(),
                        r.subjectId(),
                        sample);
        traces.put(sample.stationId(), step.trace());
        state = step.state();
        step.signal().ifPresent(signals::add);
        return this;
    }

    FireSteps timer(long t) {
        ZoneFireWatch.Step step = watch.onTime(state, ForestFixtures.ZONE, ForestFixtures.ZONE, t);
        state = step.state();
        step.signal().ifPresent(signals::add);
        return this;
    }

    List<Signal> signals() {
        return signals;
    }

    ZoneFireState state() {
        return state;
    }
}
