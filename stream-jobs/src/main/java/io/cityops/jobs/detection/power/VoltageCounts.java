package io.cityops.jobs.detection.power;

/**
 * Running counts of one transformer's voltage state, kept up to date from the one meter each
 * reading changes so that a reading never scans every meter: how many of its meters are outside the
 * band, how many of its meters the city model does not list under it (added by the registry, so
 * counted as customers on top of the model's roll), and how many the model lists but moved to
 * another transformer (so not counted).
 */
public record VoltageCounts(int outside, int unlisted, int departed) {
    public static final VoltageCounts ZERO = new VoltageCounts(0, 0, 0);

    VoltageCounts plus(int outsideDelta, int unlistedDelta, int departedDelta) {
        return new VoltageCounts(
                outside + outsideDelta, unlisted + unlistedDelta, departed + departedDelta);
    }
}
