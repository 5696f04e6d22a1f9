package io.cityops.bench.support;

import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.RiverStation;
import io.cityops.model.city.RoadSegment;
import io.cityops.model.city.Sensor;
import io.cityops.model.city.SensorKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A province of any size for growth measurements: the sample province (Lai Châu, 333 sensors) with
 * its sensor fleet copied {@code k} times. Copy {@code i > 0} renames each sensor {@code
 * <id>-x<i>}, gives each copied river gauge its own river station and each copied traffic detector
 * pair its own road segment; districts, zones, transformers and field units stay as they are (a
 * denser fleet on the same ground), so the mix of sensor kinds is the sample's.
 */
public final class SyntheticCity {
    private SyntheticCity() {}

    /** The sample province scaled to at least {@code sensors} sensors (a multiple of 333). */
    public static CityModel withAtLeast(int sensors) {
        CityModel sample = CityModelLoader.sample();
        int copies = Math.max(1, (sensors + sample.sensors().size() - 1) / sample.sensors().size());
        return copies(sample, copies);
    }

    public static CityModel copies(CityModel sample, int copies) {
        List<Sensor> sensors = new ArrayList<>(sample.sensors().size() * copies);
        List<RiverStation> stations = new ArrayList<>(sample.riverStations().size() * copies);
        List<RoadSegment> segments = new ArrayList<>(sample.roadSegments().size() * copies);
        for (int i = 0; i < copies; i++) {
            String suffix = i == 0 ? "" : "-x" + i;
            for (RiverStation r : sample.riverStations()) {
                stations.add(
                        new RiverStation(
                                r.id() + suffix,
                                r.name(),
                                r.river(),
                                r.districtId(),
                                r.location(),
                                r.level1Cm(),
                                r.level2Cm(),
                                r.level3Cm()));
            }
            for (RoadSegment s : sample.roadSegments()) {
                segments.add(
                        new RoadSegment(
                                s.id() + suffix,
                                s.name(),
                                s.districtId(),
                                s.freeFlowKmh(),
                                s.lengthKm(),
                                s.upstreamSensorId() + suffix,
                                s.downstreamSensorId() + suffix));
            }
            for (Sensor s : sample.sensors()) {
                boolean ownSubject =
                        s.kind() == SensorKind.RIVER_GAUGE
                                || s.kind() == SensorKind.TRAFFIC_DETECTOR;
                sensors.add(
                        new Sensor(
                                s.id() + suffix,
                                s.kind(),
                                s.districtId(),
                                ownSubject ? s.subjectId() + suffix : s.subjectId(),
                                s.location(),
                                s.heartbeatSec()));
            }
        }
        return new CityModel(
                sample.province(),
                List.copyOf(sample.districts()),
                List.copyOf(sample.zones()),
                segments,
                stations,
                List.copyOf(sample.transformers()),
                sensors,
                List.copyOf(sample.fieldUnits()),
                sample.targets());
    }
}
