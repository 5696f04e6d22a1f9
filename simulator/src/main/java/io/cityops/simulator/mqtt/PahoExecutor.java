package io.cityops.simulator.mqtt;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one executor all Paho clients of a fleet share. Paho 1.2.5 submits three blocking loops per
 * connection (receiver, sender, callback) and spin-waits until each runs, so a fixed-size pool
 * would deadlock once connections outnumber threads: those loops go to an unbounded cached pool
 * here, while keep-alive pings (Paho's only scheduled work) share a single timer thread instead of
 * one {@code java.util.Timer} thread per client.
 */
final class PahoExecutor extends ScheduledThreadPoolExecutor {
    private final ThreadPoolExecutor loops;

    PahoExecutor() {
        super(1, daemons("cityops-sim-mqtt-timer"));
        this.loops =
                new ThreadPoolExecutor(
                        0,
                        Integer.MAX_VALUE,
                        60,
                        TimeUnit.SECONDS,
                        new SynchronousQueue<>(),
                        daemons("cityops-sim-mqtt"));
        setRemoveOnCancelPolicy(true);
    }

    /** Threads currently running Paho's per-connection loops (or idle, awaiting reuse). */
    int loopThreads() {
        return loops.getPoolSize();
    }

    @Override
    public void execute(Runnable command) {
        loops.execute(command);
    }

    @Override
    public Future<?> submit(Runnable task) {
        return loops.submit(task);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return loops.submit(task, result);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        return loops.submit(task);
    }

    @Override
    public void shutdown() {
        super.shutdown();
        loops.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        List<Runnable> pending = super.shutdownNow();
        pending.addAll(loops.shutdownNow());
        return pending;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        return super.awaitTermination(timeout, unit)
                && loops.awaitTermination(
                        Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public boolean isTerminated() {
        return super.isTerminated() && loops.isTerminated();
    }

    static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
