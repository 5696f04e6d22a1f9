package io.cityops.bench.micro;

import io.cityops.jobs.detection.water.RiverLevelAlarm;
import io.cityops.jobs.detection.water.RiverLevelParams;
import io.cityops.jobs.detection.water.RiverLevelState;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.RiverStation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One step of a detector's pure logic per reading, as the Flink operator calls it: the river-level
 * alarm ({@link RiverLevelAlarm}) with a full hour of samples, on a river hovering around alarm
 * level I (so hysteresis and the rate-of-rise window both work). More detectors join here as their
 * pure classes land in stream-jobs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DetectorStepBenchmark {
    private RiverLevelAlarm alarm;
    private RiverLevelState state;
    private long ts;
    private double level1;
    private int i;

    @Setup
    public void setUp() {
        RiverStation station = CityModelLoader.sample().riverStations().iterator().next();
        alarm = new RiverLevelAlarm(station, RiverLevelParams.DEFAULTS);
        level1 = station.level1Cm();
        state = RiverLevelState.INITIAL;
        ts = 1_790_000_000_000L;
        for (int k = 0; k < 120; k++) {
            step();
        }
    }

    @Benchmark
    public RiverLevelState riverLevelStep() {
        return step();
    }

    private RiverLevelState step() {
        ts += 15_000; // a reading every 15 s
        double level = level1 - 30 + 60 * ((i++ % 40) / 40.0);
        state = alarm.onReading(state, ts, level).state();
        return state;
    }
}
