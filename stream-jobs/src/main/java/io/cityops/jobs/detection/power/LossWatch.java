package io.cityops.jobs.detection.power;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The loss detector of one transformer (DOMAIN.md, "Power"): {@code power.loss} (MINOR) is raised
 * when the hourly loss share exceeds {@code lossShare} (12 %) for {@code lossHours} (3) consecutive
 * complete hours, and cleared after one complete hour at or below it. Incomplete hours (a missing
 * meter, a counter reset) are skipped: they neither count towards the streak nor break it.
 */
public final class LossWatch implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "power.loss";

    private final PowerParams params;

    public LossWatch(PowerParams params) {
        this.params = params;
    }

    public record Step(LossState state, Optional<Signal> signal) {}

    public Step onHour(LossState state, HourBalance b, String transformerId, String districtId) {
        if (!b.complete()) {
            return new Step(state, Optional.empty());
        }
        if (b.lossShare() > params.lossShare()) {
            int streak = state.streak() + 1;
            if (!state.raised() && streak >= params.lossHours()) {
                return new Step(
                        new LossState(true, streak),
                        Optional.of(
                                signal(SignalAction.RAISE, b, streak, transformerId, districtId)));
            }
            return new Step(new LossState(state.raised(), streak), Optional.empty());
        }
        if (state.raised()) {
            return new Step(
                    LossState.INITIAL,
                    Optional.of(signal(SignalAction.CLEAR, b, 0, transformerId, districtId)));
        }
        return new Step(LossState.INITIAL, Optional.empty());
    }

    /**
     * The clear of a raised loss whose transformer's meters were forgotten (not heard for {@code
     * forgetAfter}): no complete hour will come to clear it.
     */
    public Signal forgotten(LossState state, String transformerId, String districtId, long at) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("threshold", PowerParams.pct(params.lossShare()));
        a.put("hours", String.valueOf(state.streak()));
        a.put("reason", "forgotten");
        return new Signal(
                TYPE,
                transformerId,
                Domain.POWER,
                SignalAction.CLEAR,
                Severity.INFO,
                districtId,
                at,
                params.lossProvenance(),
                "Transformer "
                        + transformerId
                        + ": loss no longer judged, its meters not heard for "
                        + PowerParams.dur(params.forgetAfter()),
                a);
    }

    private Signal signal(
            SignalAction action,
            HourBalance b,
            int streak,
            String transformerId,
            String districtId) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("lossShare", PowerParams.pct(b.lossShare()));
        a.put("threshold", PowerParams.pct(params.lossShare()));
        a.put("hours", String.valueOf(streak));
        a.put("transformerWh", String.format(Locale.ROOT, "%.0f", b.transformerWh()));
        a.put("customersWh", String.format(Locale.ROOT, "%.0f", b.customersWh()));
        a.put("hour", String.valueOf(b.hour()));
        String message =
                action == SignalAction.RAISE
                        ? String.format(
                                Locale.ROOT,
                                "Transformer %s: %.1f %% of its energy unbilled for %d hours",
                                transformerId,
                                b.lossShare() * 100,
                                streak)
                        : String.format(
                                Locale.ROOT,
                                "Transformer %s: loss back to %.1f %%",
                                transformerId,
                                b.lossShare() * 100);
        return new Signal(
                TYPE,
                transformerId,
                Domain.POWER,
                action,
                action == SignalAction.CLEAR ? Severity.INFO : Severity.MINOR,
                districtId,
                b.hour() + MeterEnergy.HOUR,
                params.lossProvenance(),
                message,
                a);
    }
}
