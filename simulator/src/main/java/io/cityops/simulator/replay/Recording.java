package io.cityops.simulator.replay;

import java.util.List;

/** A recording read and cleaned for replay: its instants oldest first, and what was found. */
public record Recording(List<Sample> samples, ReplayReport report) {
    public Recording {
        samples = List.copyOf(samples);
    }
}
