package io.cityops.alerting.lifecycle;

import io.cityops.model.Signal;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds an alert's provenance from its signals: which detector and parameter set raised it, the
 * window and watermark when it fired and the readings' quality flags, as the detector reported them
 * in its attributes (keys {@link #SIGNAL_KEYS} or prefixed {@code provenance.}), plus when the
 * first and the latest signal came and how many there were.
 */
final class Provenance {
    /** Signal attributes that describe why the detector fired rather than the incident itself. */
    static final Set<String> SIGNAL_KEYS =
            Set.of(
                    "parameters",
                    "parameterSet",
                    "windowStart",
                    "windowEnd",
                    "watermark",
                    "quality",
                    "qualityFlags");

    private static final String PREFIX = "provenance.";

    private Provenance() {}

    static Map<String, String> merge(Map<String, String> current, Signal s) {
        Map<String, String> p = new HashMap<>(current);
        if (s.detector() != null) {
            p.put("detector", s.detector());
        }
        p.putIfAbsent("firstSignalAt", String.valueOf(s.eventTime()));
        p.put("lastSignalAt", String.valueOf(s.eventTime()));
        p.merge("signals", "1", (a, b) -> String.valueOf(Long.parseLong(a) + 1));
        s.attributes()
                .forEach(
                        (k, v) -> {
                            if (SIGNAL_KEYS.contains(k)) {
                                p.put(k, v);
                            } else if (k.startsWith(PREFIX)) {
                                p.put(k.substring(PREFIX.length()), v);
                            }
                        });
        return p;
    }
}
