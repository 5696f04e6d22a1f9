package io.cityops.jobs.testing;

import io.cityops.jobs.detection.RawReading;
import io.cityops.model.Domain;
import io.cityops.model.Reading;
import io.cityops.model.Topics;
import io.cityops.model.city.CityModel;
import io.cityops.model.city.CityModelLoader;
import io.cityops.model.city.RiverStation;
import io.cityops.model.json.JsonCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Named test data for river-level tests: the sample province's stations and gauges, a fixed start
 * instant, and readings built from minutes after it. Mường Tè (Đà) has alarm levels I/II/III at 28
 * 600 / 28 800 / 29 000 cm; Nậm Giàng (Nậm Na) at 20 750 / 20 950 / 21 150 cm.
 */
public final class RiverFixtures {
    private RiverFixtures() {}

    /** Every scenario starts here: a monsoon morning, never the wall clock. */
    public static final Instant T0 = Instant.parse("2025-07-20T00:00:00Z");

    public static final String MUONG_TE_GAUGE = "wl-107-muongte";
    public static final String MUONG_TE_STATION = "rs-107-muongte";
    public static final String NAM_GIANG_GAUGE = "wl-109-namgiang";

    private static final CityModel CITY = CityModelLoader.sample();

    public static CityModel city() {
        return CITY;
    }

    public static RiverStation muongTe() {
        return CITY.riverStation(MUONG_TE_STATION).orElseThrow();
    }

    /** Event time in epoch ms, {@code minutes} after {@link #T0}. */
    public static long minute(double minutes) {
        return T0.plus(Duration.ofSeconds(Math.round(minutes * 60))).toEpochMilli();
    }

    /** A water-level reading of a gauge. */
    public static Reading waterLevel(String gauge, double minutes, double levelCm) {
        return new Reading(
                gauge,
                Domain.ENVIRONMENT,
                minute(minutes),
                Reading.NO_SEQ,
                Map.of("waterLevelCm", levelCm));
    }

    /** The reading as Kafka carries it, encoded by the model's codec and keyed by sensor. */
    public static RawReading raw(Reading r) {
        return new RawReading(
                Topics.readings(r.domain()), r.sensorId(), JsonCodec.READING.encode(r));
    }
}
