package io.cityops.jobs.detection.forest;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * A zone's day in the making, per station: kept in Flink {@code MapState} under the day's start
 * until the watermark passes the day's end.
 *
 * @param noon13 event time (epoch ms) of 13:00 local time that day
 * @param stations per station id, its rain and 13:00 observation
 */
public record ZoneDay(long noon13, Map<String, StationDay> stations) implements Serializable {

    public ZoneDay {
        stations = Map.copyOf(stations);
    }

    public ZoneDay with(String stationId, StationDay day) {
        Map<String, StationDay> next = new HashMap<>(stations);
        next.put(stationId, day);
        return new ZoneDay(noon13, next);
    }

    public StationDay station(String stationId) {
        return stations.getOrDefault(stationId, StationDay.EMPTY);
    }

    /**
     * The zone's weather that day: mean rain over the reporting stations, and the mean 13:00
     * temperature and dryness (saturation deficit or dew-point depression, by variant) over the
     * stations that had a 13:00 observation (NaN when none had).
     */
    public DayWeather weather(NesterovVariant variant) {
        double rain = 0;
        double t = 0;
        double d = 0;
        int observed = 0;
        for (StationDay s : stations.values()) {
            rain += s.rainMm();
            if (s.observed()) {
                t += s.temperatureC();
                d += variant.dryness(s.temperatureC(), s.humidityPct(), s.dewPointC());
                observed++;
            }
        }
        int n = stations.size();
        return new DayWeather(
                n == 0 ? 0 : rain / n,
                observed == 0 ? Double.NaN : t / observed,
                observed == 0 ? Double.NaN : d / observed,
                observed);
    }
}
