package io.cityops.alerting.lifecycle;

import io.cityops.alerting.correlation.Correlator;
import io.cityops.alerting.routing.CapabilityRules;
import io.cityops.alerting.routing.UnitRouter;
import io.cityops.model.Severity;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Lifecycles over the sample province with test-friendly parameters. */
final class Lifecycles {
    static final CityModel CITY = CityModelLoader.sample();
    static final Duration HOLD_OFF = Duration.ofMinutes(2);
    static final Duration WINDOW = Duration.ofMinutes(30);
    static final Duration MAJOR_DEADLINE = Duration.ofMinutes(15);

    private Lifecycles() {}

    /**
     * MAJOR escalates after 15 min, CRITICAL after 5, once at most, to the supervisor "ioc-duty".
     */
    static EscalationPolicy oneStep() {
        return new EscalationPolicy(
                Map.of(Severity.MAJOR, MAJOR_DEADLINE, Severity.CRITICAL, Duration.ofMinutes(5)),
                1,
                "ioc-duty",
                1);
    }

    static AlertLifecycle with(EscalationPolicy escalation, Duration holdOff) {
        return new AlertLifecycle(
                new UnitRouter(CITY, CapabilityRules.defaults(), Set.of()),
                new Correlator(CITY),
                escalation,
                holdOff,
                WINDOW);
    }

    static AlertLifecycle standard() {
        return with(oneStep(), HOLD_OFF);
    }
}
