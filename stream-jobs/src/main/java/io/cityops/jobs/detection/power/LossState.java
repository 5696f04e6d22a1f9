package io.cityops.jobs.detection.power;

/**
 * What the loss detector remembers about one transformer: whether {@code power.loss} is raised and
 * how many complete hours in a row were above the threshold.
 */
public record LossState(boolean raised, int streak) {
    public static final LossState INITIAL = new LossState(false, 0);
}
