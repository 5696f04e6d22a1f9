package io.cityops.simulator.replay;

/**
 * How a replay went: readings the broker took, readings lost, and the timeline used (to map a
 * recorded instant to the event time its reading carried).
 */
public record ReplayResult(long published, long dropped, ReplayTimeline timeline) {}
