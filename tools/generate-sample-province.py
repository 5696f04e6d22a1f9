#!/usr/bin/env python3
"""Generates the sample province (modelled on Lai Chau) used by the all-in-one and the tests.

Deterministic: the same inputs give the same file. Sensor positions are drawn inside the real
district shapes of ../shared/data/geo (copied, with their licence, beside the output). Alarm levels
of Muong Te (Da river) and Nam Giang (Nam Na) use level III from DOMAIN.md; levels I/II and every
other station's levels are plausible placeholders until the decision's annex is configured.

Usage: tools/generate-sample-province.py ../shared/data/geo/laichau-districts.geojson OUT.json
"""
import json
import random
import sys

rng = random.Random(20251123)


def rings(geom):
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    return polys


def inside(poly, lon, lat):
    # even-odd rule over the outer ring minus holes
    def in_ring(ring):
        c = False
        j = len(ring) - 1
        for i in range(len(ring)):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                c = not c
            j = i
        return c
    return in_ring(poly[0]) and not any(in_ring(h) for h in poly[1:])


def random_point(polys):
    xs = [p[0] for poly in polys for p in poly[0]]
    ys = [p[1] for poly in polys for p in poly[0]]
    while True:
        lon = rng.uniform(min(xs), max(xs))
        lat = rng.uniform(min(ys), max(ys))
        if any(inside(poly, lon, lat) for poly in polys):
            return {"lat": round(lat, 5), "lon": round(lon, 5)}


def near(p, polys, km=3.0):
    for _ in range(200):
        lat = p["lat"] + rng.uniform(-km, km) / 111.0
        lon = p["lon"] + rng.uniform(-km, km) / 105.0
        if any(inside(poly, lon, lat) for poly in polys):
            return {"lat": round(lat, 5), "lon": round(lon, 5)}
    return p


SHORT = {"105": "Lai Chau city", "106": "Tam Duong", "107": "Muong Te", "108": "Sin Ho",
         "109": "Phong Tho", "110": "Than Uyen", "111": "Tan Uyen", "112": "Nam Nhun"}
# River stations: (id, name, river, district, level I, II, III in cm above datum).
RIVERS = [
    ("rs-107-muongte", "Mường Tè", "Đà", "107", 28600, 28800, 29000),
    ("rs-109-namgiang", "Nậm Giàng", "Nậm Na", "109", 20750, 20950, 21150),
    ("rs-112-namnhun", "Nậm Nhùn", "Đà", "112", 19200, 19400, 19600),
    ("rs-108-namma", "Nậm Mạ", "Nậm Mạ", "108", 45000, 45150, 45300),
    ("rs-106-namloong", "Nậm Lường", "Nậm Lường", "106", 88000, 88150, 88300),
    ("rs-105-namlum", "Nậm Lùm", "Nậm Lùm", "105", 92000, 92120, 92250),
    ("rs-110-nammu", "Nậm Mu", "Nậm Mu", "110", 48000, 48200, 48400),
    ("rs-111-namsi", "Nậm Sì Lường", "Nậm Sì Lường", "111", 62000, 62150, 62300),
]
ROADS = {"105": ["QL4D", "Đại lộ Lê Duẩn", "Trần Phú", "QL4D south"], "106": ["QL4D", "QL32"],
         "107": ["QL4H", "DT127"], "108": ["QL12", "DT128"], "109": ["QL4D", "QL12"],
         "110": ["QL32", "QL279"], "111": ["QL32", "DT136"], "112": ["QL12", "QL4H"]}
UNITS = [
    ("ranger-muongte", "Kiểm lâm Mường Tè", ["FOREST_RANGER"], ["107"]),
    ("ranger-north", "Kiểm lâm Phong Thổ – Nậm Nhùn", ["FOREST_RANGER"], ["109", "112"]),
    ("ranger-central", "Kiểm lâm Sìn Hồ – Tam Đường – TP", ["FOREST_RANGER"], ["108", "106", "105"]),
    ("ranger-south", "Kiểm lâm Than Uyên – Tân Uyên", ["FOREST_RANGER"], ["110", "111"]),
    ("police-city", "CSGT Thành phố – Tam Đường – Phong Thổ", ["TRAFFIC_POLICE"], ["105", "106", "109"]),
    ("police-west", "CSGT tuyến QL12 – QL4H", ["TRAFFIC_POLICE"], ["107", "108", "112"]),
    ("police-south", "CSGT tuyến QL32", ["TRAFFIC_POLICE"], ["110", "111"]),
    ("power-crew-1", "Điện lực Thành phố – Tam Đường – Phong Thổ", ["POWER_CREW"], ["105", "106", "109"]),
    ("power-crew-2", "Điện lực Mường Tè – Sìn Hồ – Nậm Nhùn", ["POWER_CREW"], ["107", "108", "112"]),
    ("power-crew-3", "Điện lực Than Uyên – Tân Uyên", ["POWER_CREW"], ["110", "111"]),
    ("env-team", "Đội quan trắc môi trường tỉnh", ["ENVIRONMENT_TEAM"], list(SHORT)),
    ("rescue-north", "Đội ứng cứu thiên tai phía Bắc", ["DISASTER_RESPONSE"], ["107", "108", "109", "112"]),
    ("rescue-south", "Đội ứng cứu thiên tai phía Nam", ["DISASTER_RESPONSE"], ["105", "106", "110", "111"]),
]


def main(geo_path, out_path):
    geo = json.load(open(geo_path, encoding="utf-8"))
    shapes = {}
    districts = []
    for f in sorted(geo["features"], key=lambda f: f["properties"]["gso_code"]):
        p = f["properties"]
        polys = rings(f["geometry"])
        shapes[p["gso_code"]] = polys
        xs = [c[0] for c in polys[0][0]]
        ys = [c[1] for c in polys[0][0]]
        centre = {"lat": round(sum(ys) / len(ys), 5), "lon": round(sum(xs) / len(xs), 5)}
        if not inside(polys[0], centre["lon"], centre["lat"]):
            centre = random_point(polys)
        districts.append({"id": p["gso_code"], "name": p["name"], "nameAscii": p["name_ascii"],
                          "centre": centre})
    zones, segments, rivers, transformers, sensors, units = [], [], [], [], [], []
    for d in districts:
        did, polys = d["id"], shapes[d["id"]]
        # forest zones, each watched by a handful of stations
        for z in "ab":
            zid = f"forest-{did}-{z}"
            c = random_point(polys)
            zones.append({"id": zid, "name": f"Rừng {SHORT[did]} {z.upper()}", "kind": "FOREST",
                          "districtId": did, "centre": c})
            for n in range(1, 6):
                sensors.append({"id": f"fs-{did}-{z}{n}", "kind": "FOREST_STATION", "districtId": did,
                                "subjectId": zid, "location": near(c, polys, 4), "heartbeatSec": 60})
        for n in range(1, 3 if did != "105" else 4):
            sensors.append({"id": f"aq-{did}-{n}", "kind": "AIR_QUALITY_STATION", "districtId": did,
                            "subjectId": did, "location": random_point(polys), "heartbeatSec": 60})
        for n in range(1, 3):
            sensors.append({"id": f"rg-{did}-{n}", "kind": "RAIN_GAUGE", "districtId": did,
                            "subjectId": did, "location": random_point(polys), "heartbeatSec": 60})
        for i, road in enumerate(ROADS[did], start=1):
            sid = f"seg-{did}-{i}"
            a = random_point(polys)
            b = near(a, polys, 2)
            up, down = f"td-{did}-{i}u", f"td-{did}-{i}d"
            urban = did == "105"
            segments.append({"id": sid, "name": f"{road} ({SHORT[did]})", "districtId": did,
                             "freeFlowKmh": 50.0 if urban else 60.0, "lengthKm": 2.0,
                             "upstreamSensorId": up, "downstreamSensorId": down})
            for s, loc in ((up, a), (down, b)):
                sensors.append({"id": s, "kind": "TRAFFIC_DETECTOR", "districtId": did,
                                "subjectId": sid, "location": loc, "heartbeatSec": 30})
        for t in range(1, 3):
            tid = f"tr-{did}-{t}"
            loc = random_point(polys)
            transformers.append({"id": tid, "name": f"TBA {SHORT[did]} {t}", "districtId": did,
                                 "feederId": f"fd-{did}", "location": loc})
            sensors.append({"id": f"pm-{did}-{t}-00", "kind": "TRANSFORMER_METER", "districtId": did,
                            "subjectId": tid, "location": loc, "heartbeatSec": 60})
            for m in range(1, 11):
                sensors.append({"id": f"pm-{did}-{t}-{m:02d}", "kind": "CUSTOMER_METER",
                                "districtId": did, "subjectId": tid, "location": near(loc, polys, 1),
                                "heartbeatSec": 60})
    for rid, name, river, did, l1, l2, l3 in RIVERS:
        loc = random_point(shapes[did])
        rivers.append({"id": rid, "name": name, "river": river, "districtId": did, "location": loc,
                       "level1Cm": l1, "level2Cm": l2, "level3Cm": l3})
        sensors.append({"id": "wl-" + rid[3:], "kind": "RIVER_GAUGE", "districtId": did,
                        "subjectId": rid, "location": loc, "heartbeatSec": 60})
    for uid, name, caps, dids in UNITS:
        base = next(d["centre"] for d in districts if d["id"] == dids[0])
        units.append({"id": uid, "name": name, "capabilities": caps, "districtIds": dids,
                      "base": base})
    doc = {"province": {"id": "12", "name": "Lai Châu", "nameAscii": "Lai Chau"},
           "districts": districts, "zones": zones, "roadSegments": segments, "riverStations": rivers,
           "transformers": transformers, "sensors": sensors, "fieldUnits": units}
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print(f"{len(districts)} districts, {len(zones)} zones, {len(segments)} segments, "
          f"{len(rivers)} river stations, {len(transformers)} transformers, {len(sensors)} sensors, "
          f"{len(units)} field units")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
