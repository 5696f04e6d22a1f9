package io.cityops.jobs.detection.rain;

/**
 * What the rain operator remembers of a gauge besides its buckets: its district (for signals and
 * aggregates fired by timers) and the event time of its newest reading (hourly aggregates are only
 * written for hours the gauge reported in).
 */
public record RainGaugeState(String districtId, long lastSeen) {}
