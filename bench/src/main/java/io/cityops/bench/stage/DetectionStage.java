package io.cityops.bench.stage;

import io.cityops.bench.support.Infra;
import io.cityops.bench.support.Machine;
import io.cityops.bench.support.Payloads;
import io.cityops.bench.support.ResultLog;
import io.cityops.bench.support.SyntheticCity;
import io.cityops.ingest.parse.PayloadFormats;
import io.cityops.ingest.validate.ReadingValidator;
import io.cityops.ingest.validate.ValidationOutcome;
import io.cityops.jobs.detection.DetectionJob;
import io.cityops.jobs.detection.DetectionJobConfig;
import io.cityops.jobs.detection.RawReading;
import io.cityops.jobs.detection.kafka.DetectionConnectors;
import io.cityops.jobs.detection.kafka.RawReadingDeserializer;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.RejectedReading;
import io.cityops.model.Signal;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.config.Settings;
import io.cityops.model.json.JsonCodec;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The detection job alone, and its growth with the province. A Kafka topic per input domain is
 * filled with readings of a synthetic province (as the bridge writes them: validated, re-encoded,
 * keyed by sensor id; one reading per sensor per minute of event time, river levels swinging
 * through alarm level I so the detector raises and clears), then the job as {@link
 * DetectionJob#defineWorkflow} defines it reads them from offset 0 to the end on a MiniCluster.
 * Signals and rejections go to counting sinks (the Kafka sinks are the same for every topology and
 * are measured by the end-to-end benchmark). Reports readings/s overall and per core, peak heap,
 * the largest checkpoint (the job's state), and the size of the serialized city model every
 * operator carries.
 */
public final class DetectionStage {
    private DetectionStage() {}

    /** How the job runs; the defaults of the all-in-one are parallelism 2, no reuse, 100 ms. */
    public record Variant(
            String name,
            int parallelism,
            boolean objectReuse,
            long bufferTimeoutMs,
            long checkpointMs) {}

    public static void run(
            ResultLog log, List<Integer> sizes, long readingsPerRun, List<Variant> variants)
            throws Exception {
        for (int size : sizes) {
            CityModel city = SyntheticCity.withAtLeast(size);
            long cityBytes = serializedSize(city);
            try (Infra infra = Infra.kafka(2)) {
                double[] loadBefore = Machine.loadAverage();
                long t0 = System.nanoTime();
                long filled = fill(infra.bootstrap(), city, readingsPerRun);
                double fillSeconds = (System.nanoTime() - t0) / 1e9;
                for (Variant v : variants) {
                    Map<String, Object> params = new LinkedHashMap<>();
                    params.put("sensors", city.sensors().size());
                    params.put("inputDomains", Arrays.toString(DetectionConnectors.INPUT_DOMAINS));
                    params.put("readings", filled);
                    params.put("parallelism", v.parallelism());
                    params.put("objectReuse", v.objectReuse());
                    params.put("bufferTimeoutMs", v.bufferTimeoutMs());
                    params.put("checkpointMs", v.checkpointMs());
                    log.measure(
                            "stage-detection",
                            v.name() + " " + city.sensors().size() + " sensors",
                            () -> {
                                Map<String, Object> m = runJob(infra, city, filled, v);
                                m.put("serializedCityModelKiB", cityBytes / 1024);
                                m.put("fillSeconds", ResultLog.round(fillSeconds));
                                return new ResultLog.Row(
                                        "stage-detection",
                                        v.name() + " " + city.sensors().size() + " sensors",
                                        params,
                                        m,
                                        null);
                            });
                }
                if (loadBefore == null) {
                    throw new IllegalStateException();
                }
            }
        }
    }

    /** Writes {@code n} readings of the input domains' sensors round-robin; returns how many. */
    static long fill(String bootstrap, CityModel city, long n) throws Exception {
        List<Domain> inputs = List.of(DetectionConnectors.INPUT_DOMAINS);
        List<Sensor> sensors =
                city.sensors().stream().filter(s -> inputs.contains(s.domain())).toList();
        Payloads payloads = new Payloads(city);
        ReadingValidator validator =
                new ReadingValidator(
                        city,
                        new PayloadFormats(Clock.systemUTC()),
                        16_384,
                        Duration.ofMinutes(5),
                        Clock.systemUTC());
        long minutes = (n + sensors.size() - 1) / sensors.size();
        long t0 = System.currentTimeMillis() - TimeUnit.MINUTES.toMillis(minutes + 1);
        Map<String, Object> props = new java.util.HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        long written = 0;
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            outer:
            for (long minute = 0; minute < minutes; minute++) {
                long ts = t0 + TimeUnit.MINUTES.toMillis(minute);
                for (int i = 0; i < sensors.size(); i++) {
                    if (written >= n) {
                        break outer;
                    }
                    Sensor s = sensors.get(i);
                    byte[] payload;
                    if (s.kind() == SensorKind.RIVER_GAUGE) {
                        RiverStation st = payloads.stationOf(s);
                        // A flood wave every 3 h, phase-shifted per gauge: crosses level I for
                        // about 40 minutes, then falls back below the clear line.
                        double level =
                                st.level1Cm()
                                        - 60
                                        + 100 * Math.sin(2 * Math.PI * (minute + i * 7) / 180.0);
                        payload = Payloads.riverLevel(s.id(), ts, minute, level);
                    } else {
                        payload = payloads.reading(s, ts, minute, (minute % 17) / 17.0);
                    }
                    String topic = Topics.sensor(s.domain(), s.id());
                    if (!(validator.validate(topic, payload)
                            instanceof ValidationOutcome.Accepted a)) {
                        throw new IllegalStateException("invalid generated reading for " + s.id());
                    }
                    Reading r = a.readings().get(0);
                    producer.send(
                            new ProducerRecord<>(
                                    Topics.readings(r.domain()),
                                    s.id().getBytes(StandardCharsets.UTF_8),
                                    JsonCodec.READING.encode(r)));
                    written++;
                }
            }
            producer.flush();
        }
        return written;
    }

    private static Map<String, Object> runJob(
            Infra infra, CityModel city, long expected, Variant v) {
        Path checkpoints = null;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakHeap = new AtomicLong(heapBefore);
        AtomicLong largestCheckpoint = new AtomicLong();
        String signalsName = "signals-" + System.nanoTime();
        String rejectedName = "rejected-" + System.nanoTime();
        try {
            checkpoints = Files.createTempDirectory(infra.home(), "checkpoints-");
            Configuration conf = new Configuration();
            conf.set(PipelineOptions.GENERIC_TYPES, false);
            conf.set(PipelineOptions.OBJECT_REUSE, v.objectReuse());
            if (v.checkpointMs() > 0) {
                conf.addAll(
                        Configuration.fromMap(
                                Map.of(
                                        "state.backend.type",
                                        "hashmap",
                                        "execution.checkpointing.dir",
                                        checkpoints.toUri().toString())));
            }
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(v.parallelism(), conf);
            env.setBufferTimeout(v.bufferTimeoutMs());
            if (v.checkpointMs() > 0) {
                env.enableCheckpointing(v.checkpointMs());
            }
            String group = "bench-detection-" + System.nanoTime();
            DetectionJobConfig config =
                    DetectionJobConfig.from(
                            Settings.of(
                                    Map.of(
                                            "kafka.bootstrap",
                                            infra.bootstrap(),
                                            DetectionJobConfig.GROUP_ID,
                                            group)));
            List<String> topics = new ArrayList<>();
            for (Domain d : DetectionConnectors.INPUT_DOMAINS) {
                topics.add(Topics.readings(d));
            }
            @SuppressWarnings("deprecation")
            KafkaSource<RawReading> source =
                    KafkaSource.<RawReading>builder()
                            .setBootstrapServers(infra.bootstrap())
                            .setGroupId(group)
                            .setTopics(topics)
                            .setStartingOffsets(OffsetsInitializer.earliest())
                            .setBounded(OffsetsInitializer.latest())
                            .setDeserializer(new RawReadingDeserializer())
                            .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                            .build();
            DetectionJob.defineWorkflow(
                    env,
                    source,
                    new CountingSink<Signal>(signalsName),
                    new CountingSink<RejectedReading>(rejectedName),
                    city,
                    config);
            Path cpDir = checkpoints;
            Thread sampler =
                    new Thread(
                            () -> {
                                while (!Thread.currentThread().isInterrupted()) {
                                    peakHeap.accumulateAndGet(
                                            memory.getHeapMemoryUsage().getUsed(), Math::max);
                                    largestCheckpoint.accumulateAndGet(
                                            largestCheckpoint(cpDir), Math::max);
                                    try {
                                        Thread.sleep(100);
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                }
                            },
                            "bench-sampler");
            sampler.setDaemon(true);
            long wall0 = System.nanoTime();
            sampler.start();
            JobExecutionResult result;
            try {
                result = env.execute("bench-detection");
            } finally {
                sampler.interrupt();
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            double net = result.getNetRuntime(TimeUnit.MILLISECONDS) / 1000.0;
            Map<String, Object> m = new LinkedHashMap<>();
            double perSec = expected / net;
            int cores = Math.min(v.parallelism(), Runtime.getRuntime().availableProcessors());
            m.put("readingsPerSec", Math.round(perSec));
            m.put("readingsPerSecPerCore", Math.round(perSec / cores));
            m.put("jobSeconds", ResultLog.round(net));
            m.put("wallSeconds", ResultLog.round(wall));
            m.put("signals", CountingSink.count(signalsName));
            m.put("rejected", CountingSink.count(rejectedName));
            m.put("heapBeforeMiB", heapBefore >> 20);
            m.put("peakHeapMiB", peakHeap.get() >> 20);
            if (v.checkpointMs() > 0) {
                m.put("largestCheckpointKiB", largestCheckpoint.get() >> 10);
            }
            return m;
        } catch (Exception e) {
            throw new IllegalStateException("detection job run failed", e);
        } finally {
            Infra.deleteTree(checkpoints);
        }
    }

    /** Bytes of the largest {@code chk-N} folder under the checkpoint folder right now. */
    static long largestCheckpoint(Path dir) {
        long best = 0;
        try (Stream<Path> jobs = Files.list(dir)) {
            for (Path job : jobs.toList()) {
                try (Stream<Path> chks = Files.list(job)) {
                    for (Path chk :
                            chks.filter(p -> p.getFileName().toString().startsWith("chk-"))
                                    .toList()) {
                        best = Math.max(best, treeSize(chk));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // a checkpoint being written or removed while we look
        }
        return best;
    }

    private static long treeSize(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(
                            f -> {
                                try {
                                    return Files.size(f);
                                } catch (IOException e) {
                                    return 0;
                                }
                            })
                    .sum();
        }
    }

    static long serializedSize(Object o) {
        long[] count = new long[1];
        OutputStream counter =
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        count[0]++;
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        count[0] += len;
                    }
                };
        try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
            out.writeObject(o);
        } catch (IOException e) {
            return -1;
        }
        return count[0];
    }
}
