package io.cityops.dashboards.sensors;

import io.cityops.dashboards.alerts.AlertFilter;
import io.cityops.dashboards.alerts.AlertStore;
import io.cityops.dashboards.auth.Principal;
import io.cityops.dashboards.auth.Role;
import io.cityops.model.Alert;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The city model's sensors joined with their activity and open alerts. */
public final class SensorDirectory {
    private final CityModel city;
    private final SensorActivity activity;
    private final AlertStore alerts;
    private final Clock clock;

    public SensorDirectory(
            CityModel city, SensorActivity activity, AlertStore alerts, Clock clock) {
        this.city = city;
        this.activity = activity;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** All sensors, optionally of one district, sorted by id. */
    public List<SensorView> list(Optional<String> districtId) {
        Set<String> alerted = alertedSubjects();
        long now = clock.millis();
        return city.sensors().stream()
                .filter(s -> districtId.map(s.districtId()::equals).orElse(true))
                .sorted(Comparator.comparing(Sensor::id))
                .map(s -> view(s, alerted, now))
                .toList();
    }

    public Optional<SensorView> get(String sensorId) {
        return city.sensor(sensorId).map(s -> view(s, alertedSubjects(), clock.millis()));
    }

    private SensorView view(Sensor s, Set<String> alerted, long now) {
        var seen = activity.lastSeen(s.id());
        boolean underAlert = alerted.contains(s.id()) || alerted.contains(s.subjectId());
        return new SensorView(
                s.id(),
                s.kind(),
                s.domain(),
                s.districtId(),
                s.subjectId(),
                s.location().lat(),
                s.location().lon(),
                s.heartbeatSec(),
                seen.isPresent() ? seen.getAsLong() : null,
                SensorHealth.classify(seen, s.heartbeatSec(), now, underAlert));
    }

    private Set<String> alertedSubjects() {
        return alerts
                .find(AlertFilter.active(Principal.of("sensor-directory", Role.ADMIN)))
                .stream()
                .map(Alert::subjectId)
                .collect(Collectors.toSet());
    }
}
