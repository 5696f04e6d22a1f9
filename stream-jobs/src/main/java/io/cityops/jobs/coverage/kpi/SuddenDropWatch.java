package io.cityops.jobs.coverage.kpi;

import io.cityops.model.Domain;
import io.cityops.model.Severity;
import io.cityops.model.Signal;
import io.cityops.model.SignalAction;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import io.cityops.model.city.Zone;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Raises {@code kpi.sudden-drop} for a forest zone when at least N of its stations fall silent
 * within one window (a fire, a landslide or a cut mast link can take a ridge's stations at once,
 * which is itself something a ranger should look at); clears when fewer than N are silent.
 */
public final class SuddenDropWatch {
    public static final String TYPE = "kpi.sudden-drop";

    private final CityModel city;
    private final long windowMs;
    private final int minStations;
    private final Map<String, Long> silentSince = new HashMap<>();
    private final Set<String> raised = new HashSet<>();

    public SuddenDropWatch(
            CityModel city,
            Duration window,
            int minStations,
            Map<String, Long> silentSince,
            Set<String> raisedZones) {
        this.city = city;
        this.windowMs = window.toMillis();
        this.minStations = minStations;
        this.silentSince.putAll(silentSince);
        this.raised.addAll(raisedZones);
    }

    public Map<String, Long> silentSince() {
        return Map.copyOf(silentSince);
    }

    public Set<String> raisedZones() {
        return Set.copyOf(raised);
    }

    /**
     * Records a station's change; {@code judge} false (during warm-up) only records it. Other kinds
     * of sensor are ignored.
     */
    public Optional<Signal> onStatus(
            String sensorId, boolean reporting, long eventTime, boolean judge) {
        Optional<Sensor> s =
                city.sensor(sensorId).filter(x -> x.kind() == SensorKind.FOREST_STATION);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        String zone = s.get().subjectId();
        if (reporting) {
            silentSince.remove(sensorId);
            if (raised.contains(zone) && silentIn(zone, Long.MIN_VALUE).size() < minStations) {
                raised.remove(zone);
                return Optional.of(
                        signal(
                                zone,
                                SignalAction.CLEAR,
                                silentIn(zone, Long.MIN_VALUE),
                                eventTime));
            }
            return Optional.empty();
        }
        silentSince.put(sensorId, eventTime);
        List<String> together = silentIn(zone, eventTime - windowMs);
        if (judge && !raised.contains(zone) && together.size() >= minStations) {
            raised.add(zone);
            return Optional.of(signal(zone, SignalAction.RAISE, together, eventTime));
        }
        return Optional.empty();
    }

    private List<String> silentIn(String zone, long since) {
        TreeSet<String> ids = new TreeSet<>();
        silentSince.forEach(
                (id, t) -> {
                    if (t >= since
                            && city.sensor(id).map(x -> x.subjectId().equals(zone)).orElse(false)) {
                        ids.add(id);
                    }
                });
        return List.copyOf(ids);
    }

    private Signal signal(String zoneId, SignalAction action, List<String> silent, long eventTime) {
        Zone z = city.zone(zoneId).orElseThrow();
        String message =
                action == SignalAction.RAISE
                        ? silent.size() + " forest stations of " + z.name() + " went silent at once"
                        : "stations of "
                                + z.name()
                                + " reporting again ("
                                + silent.size()
                                + " still silent)";
        return new Signal(
                TYPE,
                zoneId,
                Domain.FOREST,
                action,
                Severity.MAJOR,
                z.districtId(),
                eventTime,
                "coverage/sudden-drop",
                message,
                Map.of(
                        "silentStations",
                        String.join(",", silent),
                        "count",
                        String.valueOf(silent.size())));
    }
}
