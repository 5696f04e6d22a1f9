package io.cityops.jobs.coverage.liveness;

/**
 * A sensor started or stopped reporting. For a start, {@code eventTime} is the reading's time; for
 * a stop, the last reading's time plus the silence window (when, by the device's clock, it fell
 * silent).
 */
public record SensorStatus(String sensorId, boolean reporting, long eventTime) {}
