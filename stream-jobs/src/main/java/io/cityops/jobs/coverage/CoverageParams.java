package io.cityops.jobs.coverage;

import io.cityops.jobs.coverage.liveness.SilenceRule;
import io.cityops.model.Domain;
import io.cityops.model.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parameters of the coverage computation and its signals.
 *
 * @param h3Resolution grid resolution; 9 (cells of ~0.1 km²) keeps a forest zone's share within
 *     about one percentage point of the exact geometry (measured in HexCoverageErrorTest)
 * @param silenceFactor a sensor is silent after {@code heartbeat × factor} without a reading
 * @param emitInterval how often every KPI is re-emitted and the province's table logged
 * @param warmUp after (re)start, how long signals wait while sensors announce themselves
 * @param targetMarginPct hysteresis: raise below {@code target − margin}, clear at the target
 * @param requiredDomains a district counts as running smart-city services with live feeds in all
 * @param suddenDropWindow forest stations of one zone going silent within this window are "at once"
 * @param suddenDropMinStations how many such stations make a sudden drop
 */
public record CoverageParams(
        int h3Resolution,
        int silenceFactor,
        Duration emitInterval,
        Duration warmUp,
        double targetMarginPct,
        Set<Domain> requiredDomains,
        Duration suddenDropWindow,
        int suddenDropMinStations)
        implements Serializable {

    public static final String H3_RESOLUTION = "coverage.h3-resolution";
    public static final String SILENCE_FACTOR = "coverage.silence-factor";
    public static final String EMIT_INTERVAL = "coverage.emit-interval";
    public static final String WARM_UP = "coverage.warm-up";
    public static final String TARGET_MARGIN = "coverage.target-margin-pct";
    public static final String REQUIRED_DOMAINS = "coverage.required-domains";
    public static final String SUDDEN_DROP_WINDOW = "coverage.sudden-drop.window";
    public static final String SUDDEN_DROP_MIN_STATIONS = "coverage.sudden-drop.min-stations";

    public static final CoverageParams DEFAULTS =
            new CoverageParams(
                    9,
                    SilenceRule.DEFAULT_FACTOR,
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(3),
                    1.0,
                    EnumSet.allOf(Domain.class),
                    Duration.ofMinutes(10),
                    3);

    public CoverageParams {
        requiredDomains = Set.copyOf(requiredDomains);
        if (requiredDomains.isEmpty()) {
            throw new IllegalArgumentException(REQUIRED_DOMAINS + " must name at least one domain");
        }
        if (emitInterval.isNegative() || emitInterval.isZero()) {
            throw new IllegalArgumentException(EMIT_INTERVAL + " must be positive");
        }
        if (targetMarginPct < 0 || suddenDropMinStations < 1) {
            throw new IllegalArgumentException(
                    TARGET_MARGIN + " must be >= 0 and " + SUDDEN_DROP_MIN_STATIONS + " >= 1");
        }
        new SilenceRule(silenceFactor); // validates
    }

    public SilenceRule silenceRule() {
        return new SilenceRule(silenceFactor);
    }

    public static CoverageParams from(Settings s) {
        CoverageParams d = DEFAULTS;
        return new CoverageParams(
                s.getInt(H3_RESOLUTION, d.h3Resolution()),
                s.getInt(SILENCE_FACTOR, d.silenceFactor()),
                s.getDuration(EMIT_INTERVAL, d.emitInterval()),
                s.getDuration(WARM_UP, d.warmUp()),
                s.getDouble(TARGET_MARGIN, d.targetMarginPct()),
                s.find(REQUIRED_DOMAINS).map(CoverageParams::domains).orElse(d.requiredDomains()),
                s.getDuration(SUDDEN_DROP_WINDOW, d.suddenDropWindow()),
                s.getInt(SUDDEN_DROP_MIN_STATIONS, d.suddenDropMinStations()));
    }

    private static Set<Domain> domains(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(n -> !n.isEmpty())
                .map(
                        n ->
                                Domain.fromTopicName(n.toLowerCase(Locale.ROOT))
                                        .orElseThrow(
                                                () ->
                                                        new IllegalArgumentException(
                                                                REQUIRED_DOMAINS
                                                                        + ": unknown domain "
                                                                        + n)))
                .collect(Collectors.toSet());
    }
}
