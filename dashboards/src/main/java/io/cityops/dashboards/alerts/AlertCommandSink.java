package io.cityops.dashboards.alerts;

/**
 * Where accepted alert commands go: Kafka {@code alert-commands} in production, a fake lifecycle in
 * tests.
 */
public interface AlertCommandSink extends AutoCloseable {
    /** Sends the command and returns once it is durably accepted; throws when it is not. */
    void send(AlertCommand command) throws Exception;

    @Override
    default void close() {}
}
