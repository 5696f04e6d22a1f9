package io.cityops.alerting.lifecycle;

import io.cityops.model.Signal;

/**
 * The deadlines of one alert that the lifecycle keeps in state next to its latest version; each
 * field is a processing time (epoch ms), 0 when nothing is due.
 *
 * @param clearAt when the pending clear takes effect, unless the condition returns first
 * @param clearSignal the detector's CLEAR that started the hold-off (null when none is pending)
 * @param escalateAt when the alert escalates if still unacknowledged
 * @param unshelveAt when a shelving ends
 * @param forgetAt when a cleared alert leaves state (one reopen window after its clear)
 */
public record Pending(
        long clearAt, Signal clearSignal, long escalateAt, long unshelveAt, long forgetAt) {

    public static final Pending NONE = new Pending(0, null, 0, 0, 0);

    public boolean isEmpty() {
        return clearAt == 0 && escalateAt == 0 && unshelveAt == 0 && forgetAt == 0;
    }

    public Pending withClear(long at, Signal signal) {
        return new Pending(at, signal, escalateAt, unshelveAt, forgetAt);
    }

    public Pending withoutClear() {
        return new Pending(0, null, escalateAt, unshelveAt, forgetAt);
    }

    public Pending withEscalateAt(long at) {
        return new Pending(clearAt, clearSignal, at, unshelveAt, forgetAt);
    }

    public Pending withUnshelveAt(long at) {
        return new Pending(clearAt, clearSignal, escalateAt, at, forgetAt);
    }

    public Pending withForgetAt(long at) {
        return new Pending(clearAt, clearSignal, escalateAt, unshelveAt, at);
    }

    /** Every deadline that is set, for the timers the operator must hold. */
    public java.util.stream.LongStream deadlines() {
        return java.util.stream.LongStream.of(clearAt, escalateAt, unshelveAt, forgetAt)
                .filter(t -> t > 0);
    }
}
