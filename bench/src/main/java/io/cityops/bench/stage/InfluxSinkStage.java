package io.cityops.bench.stage;

import io.cityops.bench.support.Infra;
import io.cityops.bench.support.Payloads;
import io.cityops.bench.support.ResultLog;
import io.cityops.bench.support.SyntheticCity;
import io.cityops.dashboards.history.InfluxdProcess;
import io.cityops.ingest.parse.PayloadFormats;
import io.cityops.ingest.validate.ReadingValidator;
import io.cityops.ingest.validate.ValidationOutcome;
import io.cityops.jobs.history.BatchingWriter;
import io.cityops.jobs.history.HistoryPoint;
import io.cityops.jobs.history.HistoryPoints;
import io.cityops.jobs.history.InfluxPointWriter;
import io.cityops.jobs.history.InfluxSinkConfig;
import io.cityops.jobs.history.PointWriter;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The InfluxDB sink alone: readings of a 10 k-sensor province mapped to points by the history job's
 * own mapper ({@link HistoryPoints#readings}) and written through its {@link BatchingWriter} into a
 * real {@code influxd} (Debian's package, a child process on a free port with its own temp folder),
 * at batch sizes 1 000 and 5 000, through the sink's own writer with {@code history.gzip} off and
 * on. Points/s = points ÷ time until the last batch was acknowledged.
 */
public final class InfluxSinkStage {
    private InfluxSinkStage() {}

    public record Plan(long points, List<Integer> batchSizes, List<Integer> writers) {}

    public static void run(ResultLog log, Plan plan) throws Exception {
        Path influxd = Path.of("/usr/bin/influxd");
        if (!InfluxdProcess.installed(influxd)) {
            log.add(
                    new ResultLog.Row(
                            "stage-influx",
                            "skipped",
                            Map.of(),
                            Map.of("skipped", true),
                            "influxd not installed (apt-get install influxdb)"),
                    io.cityops.bench.support.Machine.loadAverage(),
                    0);
            return;
        }
        CityModel city = SyntheticCity.withAtLeast(10_000);
        List<HistoryPoint> points = points(city, plan.points());
        Path dir = Files.createTempDirectory("cityops-bench-influx-");
        int run = 0;
        try (InfluxdProcess db =
                InfluxdProcess.start(dir, Infra.freePort(), Duration.ofSeconds(60))) {
            // One warm-up write so that the first measured run does not pay for influxd's start.
            write(
                    db.url(),
                    "bench_warmup",
                    points.subList(0, Math.min(20_000, points.size())),
                    5000,
                    1,
                    false);
            for (int writers : plan.writers()) {
                for (int batch : plan.batchSizes()) {
                    for (boolean gzip : new boolean[] {false, true}) {
                        String database = "bench_" + (++run);
                        Map<String, Object> params = new LinkedHashMap<>();
                        params.put("points", points.size());
                        params.put("batchSize", batch);
                        params.put("gzip", gzip);
                        params.put("writers", writers);
                        params.put("writer", "InfluxPointWriter (history.gzip=" + gzip + ")");
                        log.measure(
                                "stage-influx",
                                "batch " + batch + (gzip ? " gzip" : "") + " x" + writers,
                                () -> {
                                    double seconds =
                                            write(db.url(), database, points, batch, writers, gzip);
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("pointsPerSec", Math.round(points.size() / seconds));
                                    m.put("seconds", ResultLog.round(seconds));
                                    return new ResultLog.Row(
                                            "stage-influx",
                                            "batch "
                                                    + batch
                                                    + (gzip ? " gzip" : "")
                                                    + " x"
                                                    + writers,
                                            params,
                                            m,
                                            null);
                                });
                    }
                }
            }
        } finally {
            Infra.deleteTree(dir);
        }
    }

    /** Readings as the history job sees them, mapped to points by its own mapper. */
    static List<HistoryPoint> points(CityModel city, long n) {
        Payloads payloads = new Payloads(city);
        ReadingValidator validator =
                new ReadingValidator(
                        city,
                        new PayloadFormats(Clock.systemUTC()),
                        16_384,
                        Duration.ofMinutes(5),
                        Clock.systemUTC());
        HistoryPoints.Mapper<io.cityops.model.Reading> mapper =
                HistoryPoints.readings(HistoryPoints.DistrictLookup.of(city));
        List<Sensor> sensors = new ArrayList<>(city.sensors());
        long minutes = (n + sensors.size() - 1) / sensors.size();
        long t0 = System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(minutes + 1);
        List<HistoryPoint> out = new ArrayList<>((int) n);
        for (long minute = 0; out.size() < n; minute++) {
            for (int i = 0; i < sensors.size() && out.size() < n; i++) {
                Sensor s = sensors.get(i);
                byte[] payload =
                        payloads.reading(
                                s,
                                t0 + TimeUnit.MINUTES.toMillis(minute),
                                minute,
                                ((minute + i) % 17) / 17.0);
                if (validator.validate(Topics.sensor(s.domain(), s.id()), payload)
                        instanceof ValidationOutcome.Accepted a) {
                    for (io.cityops.model.Reading r : a.readings()) {
                        out.addAll(mapper.toPoints(r));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Writes all points with {@code writers} threads, each its own BatchingWriter over a share;
     * returns the seconds until every batch was acknowledged.
     */
    static double write(
            String url,
            String database,
            List<HistoryPoint> points,
            int batch,
            int writers,
            boolean gzip) {
        InfluxSinkConfig config = InfluxSinkConfig.local(url, database);
        new InfluxPointWriter(config).ensureSchema();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            int share = (points.size() + writers - 1) / writers;
            for (int w = 0; w < writers; w++) {
                List<HistoryPoint> mine =
                        points.subList(w * share, Math.min(points.size(), (w + 1) * share));
                done.add(
                        pool.submit(
                                () -> {
                                    try (PointWriter target =
                                            new InfluxPointWriter(config.withGzip(gzip))) {
                                        BatchingWriter bw =
                                                new BatchingWriter(
                                                        target,
                                                        batch,
                                                        5,
                                                        Duration.ofMillis(200),
                                                        Duration.ofSeconds(10),
                                                        d -> Thread.sleep(d.toMillis()));
                                        // The sink's writer adds each element's points as it comes.
                                        for (HistoryPoint p : mine) {
                                            bw.add(List.of(p));
                                        }
                                        bw.flush();
                                    }
                                    return null;
                                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (System.nanoTime() - t0) / 1e9;
        } catch (Exception e) {
            throw new IllegalStateException("writing to InfluxDB failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
