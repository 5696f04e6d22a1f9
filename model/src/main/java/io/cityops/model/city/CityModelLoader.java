package io.cityops.model.city;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cityops.model.kpi.KpiTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a city model from its JSON file (format in {@code docs/data-contracts.md}). The sample
 * province, modelled on Lai Châu, ships on the classpath as {@link #SAMPLE_PROVINCE}.
 */
public final class CityModelLoader {
    /** Classpath location of the sample province. */
    public static final String SAMPLE_PROVINCE = "cityops/provinces/laichau/province.json";

    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private CityModelLoader() {}

    /** The sample province. */
    public static CityModel sample() {
        return fromClasspath(SAMPLE_PROVINCE);
    }

    /**
     * A model from a file path, or from the classpath when the name starts with {@code classpath:}.
     */
    public static CityModel load(String location) {
        if (location.startsWith("classpath:")) {
            return fromClasspath(location.substring("classpath:".length()));
        }
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            return read(in, location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read city model " + location, e);
        }
    }

    public static CityModel fromClasspath(String resource) {
        try (InputStream in =
                CityModelLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no city model on the classpath at " + resource);
            }
            return read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read city model " + resource, e);
        }
    }

    private static CityModel read(InputStream in, String where) throws IOException {
        Document d = MAPPER.readValue(in, Document.class);
        try {
            return new CityModel(
                    d.province(),
                    d.districts(),
                    d.zones(),
                    d.roadSegments(),
                    d.riverStations(),
                    d.transformers(),
                    d.sensors(),
                    d.fieldUnits(),
                    d.targets() == null ? List.of() : d.targets());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "city model " + where + " is inconsistent: " + e.getMessage(), e);
        }
    }

    /** The file's shape. */
    record Document(
            Province province,
            List<District> districts,
            List<Zone> zones,
            List<RoadSegment> roadSegments,
            List<RiverStation> riverStations,
            List<Transformer> transformers,
            List<Sensor> sensors,
            List<FieldUnit> fieldUnits,
            List<KpiTarget> targets) {}
}
