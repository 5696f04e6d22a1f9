package io.cityops.dashboards.web;

import io.cityops.dashboards.auth.AccessPolicy;
import io.cityops.dashboards.kpis.KpiStore;
import io.cityops.dashboards.sensors.SensorDirectory;
import io.cityops.model.city.CityModel;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The city as the map shows it: districts (GeoJSON), sensors with health, units, and KPIs. */
final class CityRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(CityRoutes.class);
    private final CityModel city;
    private final SensorDirectory sensors;
    private final KpiStore kpis;
    private final byte[] districtShapes;

    CityRoutes(CityModel city, SensorDirectory sensors, KpiStore kpis, Optional<String> shapes)
            throws IOException {
        this.city = city;
        this.sensors = sensors;
        this.kpis = kpis;
        this.districtShapes = load(shapes.orElseGet(() -> conventionalShapes(city)));
    }

    static String conventionalShapes(CityModel city) {
        String slug =
                city.province().nameAscii().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return "cityops/provinces/" + slug + "/geo/" + slug + "-districts.geojson";
    }

    private static byte[] load(String location) throws IOException {
        Path file = Path.of(location);
        if (Files.isRegularFile(file)) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = CityModel.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                LOG.warn("no district shapes at {}; the map will be empty", location);
                return null;
            }
            return in.readAllBytes();
        }
    }

    void register(Javalin app) {
        app.get("/api/province", this::province);
        app.get("/api/districts.geojson", this::shapes);
        app.get("/api/sensors", this::listSensors);
        app.get("/api/sensors/{id}", this::sensor);
        app.get("/api/kpis", this::kpis);
    }

    private void province(Context ctx) {
        Auth.require(ctx, AccessPolicy.readers());
        ctx.json(
                Map.of(
                        "province", city.province(),
                        "districts", city.districts(),
                        "fieldUnits", city.fieldUnits()));
    }

    private void shapes(Context ctx) {
        Auth.require(ctx, AccessPolicy.readers());
        if (districtShapes == null) {
            throw new ApiErrors.Denied(
                    HttpStatus.NOT_FOUND, "no district shapes for this province");
        }
        ctx.contentType("application/geo+json").result(districtShapes);
    }

    private void listSensors(Context ctx) {
        Auth.require(ctx, AccessPolicy.readers());
        ctx.json(sensors.list(Optional.ofNullable(ctx.queryParam("district"))));
    }

    private void sensor(Context ctx) {
        Auth.require(ctx, AccessPolicy.readers());
        String id = ctx.pathParam("id");
        ctx.json(
                sensors.get(id)
                        .orElseThrow(
                                () ->
                                        new ApiErrors.Denied(
                                                HttpStatus.NOT_FOUND, "no sensor " + id)));
    }

    private void kpis(Context ctx) {
        Auth.require(ctx, AccessPolicy.readers());
        ctx.json(kpis.all());
    }
}
