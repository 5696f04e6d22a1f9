package io.cityops.jobs.testing;

import io.cityops.model.json.JsonCodec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A collecting sink for MiniCluster tests: each parallel writer appends JSON lines to its own file
 * in a test's temporary directory, so results survive the trip through serialized operators without
 * static lists. Order within one writer (one file) is the order it received.
 */
public final class JsonLinesSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    private final String directory;
    private final JsonCodec<T> codec;

    public JsonLinesSink(Path directory, JsonCodec<T> codec) {
        this.directory = directory.toString();
        this.codec = codec;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        Path file =
                Path.of(
                        directory,
                        "part-"
                                + context.getTaskInfo().getIndexOfThisSubtask()
                                + "-"
                                + context.getTaskInfo().getAttemptNumber()
                                + ".jsonl");
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) throws IOException {
                out.write(new String(codec.encode(element), StandardCharsets.UTF_8));
                out.newLine();
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }

    /** What every writer wrote, one list per writer, each in the order written. */
    public static <T> List<List<T>> read(Path directory, JsonCodec<T> codec) {
        List<List<T>> perWriter = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory).sorted()) {
            for (Path f : files.toList()) {
                perWriter.add(
                        Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                                .map(line -> codec.decode(line.getBytes(StandardCharsets.UTF_8)))
                                .toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return perWriter;
    }

    /** Every record written so far, all writers together, that {@code which} accepts. */
    public static <T> List<T> readAll(Path directory, JsonCodec<T> codec, Predicate<T> which) {
        return read(directory, codec).stream().flatMap(List::stream).filter(which).toList();
    }

    /**
     * Polls {@link #readAll} until at least {@code count} records are there or {@code timeout} has
     * passed, and returns what is there then (the caller asserts on it).
     */
    public static <T> List<T> awaitAtLeast(
            Path directory, JsonCodec<T> codec, Predicate<T> which, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> found = readAll(directory, codec, which);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = readAll(directory, codec, which);
        }
        return found;
    }
}
