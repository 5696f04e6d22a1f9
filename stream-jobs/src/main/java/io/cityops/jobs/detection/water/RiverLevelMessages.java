package io.cityops.jobs.detection.water;

import io.cityops.model.SignalAction;
import io.cityops.model.city.RiverStation;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The human-readable line of a river-level signal, e.g. {@code Mường Tè (Đà): 288.10 m, alarm level
 * II (up from I), rising 35 cm/h}.
 */
final class RiverLevelMessages {
    private static final String[] ROMAN = {"", "I", "II", "III"};

    private RiverLevelMessages() {}

    static String describe(RiverStation s, int from, int to, double levelCm, OptionalDouble rise) {
        StringBuilder b = new StringBuilder();
        b.append(s.name()).append(" (").append(s.river()).append("): ");
        b.append(String.format(Locale.ROOT, "%.2f m", levelCm / 100));
        if (to == 0) {
            b.append(", back below alarm level I");
        } else {
            b.append(", alarm level ").append(ROMAN[to]);
            if (from != 0) {
                b.append(to > from ? " (up from " : " (down from ").append(ROMAN[from]).append(')');
            }
        }
        rise.ifPresent(r -> b.append(", ").append(trend(r)));
        return b.toString();
    }

    static String describeRise(RiverStation s, SignalAction action, double levelCm, double rate) {
        StringBuilder b = new StringBuilder();
        b.append(s.name()).append(" (").append(s.river()).append("): ");
        b.append(String.format(Locale.ROOT, "%.2f m", levelCm / 100)).append(", ");
        b.append(action == SignalAction.CLEAR ? "no longer rising fast, now " : "rising fast, ");
        b.append(trend(rate));
        return b.toString();
    }

    private static String trend(double cmPerHour) {
        long rounded = Math.round(cmPerHour);
        if (rounded == 0) {
            return "steady";
        }
        return (rounded > 0 ? "rising " : "falling ") + Math.abs(rounded) + " cm/h";
    }
}
