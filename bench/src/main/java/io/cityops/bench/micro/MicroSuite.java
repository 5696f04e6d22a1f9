package io.cityops.bench.micro;

import io.cityops.bench.support.Machine;
import io.cityops.bench.support.ResultLog;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks (payload parse and validate, detector steps, coverage updates) from the
 * bench's classpath and records each score. Quick mode: one fork, short iterations, coverage at the
 * default H3 resolution only.
 */
public final class MicroSuite {
    private MicroSuite() {}

    public static void run(ResultLog log, boolean full) {
        ChainedOptionsBuilder o =
                new OptionsBuilder()
                        .include(ParseValidateBenchmark.class.getName())
                        .include(DetectorStepBenchmark.class.getName())
                        .include(
                                "io.cityops.bench.coverage.CoverageUpdateBenchmark.silenceAndReturn")
                        .include("io.cityops.bench.coverage.KpiSnapshotBenchmark")
                        .forks(1)
                        .jvmArgsAppend("-Xmx1g")
                        .shouldFailOnError(true);
        if (full) {
            o.warmupIterations(3)
                    .warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5)
                    .measurementTime(TimeValue.seconds(2));
        } else {
            o.warmupIterations(2)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.seconds(1))
                    .param("resolution", "9")
                    .param("stations", "1000");
        }
        double[] before = Machine.loadAverage();
        long t0 = System.nanoTime();
        Collection<RunResult> results;
        try {
            results = new Runner(o.build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed", e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        for (RunResult r : results) {
            var p = r.getParams();
            Map<String, Object> params = new LinkedHashMap<>();
            for (String k : p.getParamsKeys()) {
                params.put(k, p.getParam(k));
            }
            params.put("forks", p.getForks());
            params.put("iterations", p.getMeasurement().getCount());
            var score = r.getPrimaryResult();
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("score", ResultLog.round(score.getScore()));
            metrics.put("error", ResultLog.round(score.getScoreError()));
            metrics.put("unit", score.getScoreUnit());
            if (score.getScoreUnit().startsWith("ns")) {
                metrics.put("perCorePerSecond", Math.round(1e9 / score.getScore()));
            } else if (score.getScoreUnit().startsWith("us")) {
                metrics.put("perCorePerSecond", Math.round(1e6 / score.getScore()));
            }
            String name = p.getBenchmark().replace("io.cityops.bench.", "");
            log.add(
                    new ResultLog.Row("micro", name, params, metrics, null),
                    before,
                    seconds / results.size());
        }
    }
}
