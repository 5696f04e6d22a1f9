#!/usr/bin/env python3
"""Generates the sample province (modelled on Lai Chau) used by the all-in-one and the tests.

Deterministic: the same inputs give the same file. Sensor positions are drawn inside the real
district shapes of ../shared/data/geo (copied, with their licence, beside the output). Alarm levels
of Muong Te (Da river) and Nam Giang (Nam Na) use level III from DOMAIN.md; levels I/II and every
other station's levels are plausible placeholders until the decision's annex is configured.

Forest zones get synthetic but plausible outlines: an irregular star-shaped polygon around each
zone's centre, cut to its district's shape and to its own side of the line halfway between the
district's two zone centres (so zones never overlap), scaled until the zones' total is Lai Chau's
real forest area, 457,472.8 ha (DOMAIN.md). They use their own random generator, so every other
value of the file (ids, positions, levels) stays what it was before outlines existed.

Usage: tools/generate-sample-province.py ../shared/data/geo/laichau-districts.geojson OUT.json
"""
import json
import math
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


KM_PER_DEG = math.pi / 180 * 6371.0088  # mean Earth radius, as the Java side uses
FOREST_HA = 457472.8  # Lai Chau, c. 2023 (DOMAIN.md, Forest)
# Forest cover per district as a share of its area: Muong Te "over 66 %" (DOMAIN.md); the city is
# mostly built-up; the others share what is left of the provincial total equally.
COVER = {"107": 0.66, "105": 0.30}
ZONE_SHARE = {"a": 0.55, "b": 0.45}
TARGETS = [("FOREST_MONITORED", 2025, 70.0), ("FOREST_MONITORED", 2030, 100.0),
           ("SMART_SERVICE_DISTRICTS", 2025, 40.0), ("SMART_SERVICE_DISTRICTS", 2030, 100.0)]


def to_km(lon, lat, lon0, lat0):
    return ((lon - lon0) * KM_PER_DEG * math.cos(math.radians(lat0)), (lat - lat0) * KM_PER_DEG)


def from_km(x, y, lon0, lat0):
    return {"lat": round(lat0 + y / KM_PER_DEG, 5),
            "lon": round(lon0 + x / (KM_PER_DEG * math.cos(math.radians(lat0))), 5)}


def ray_exit(segments, ux, uy):
    """Distance from the origin along unit direction u to the first crossing of any segment."""
    best = float("inf")
    for (ax, ay), (bx, by) in segments:
        ex, ey = bx - ax, by - ay
        den = ux * ey - uy * ex
        if abs(den) < 1e-12:
            continue
        t = (ax * ey - ay * ex) / den
        s = (ax * uy - ay * ux) / den
        if t > 0 and 0 <= s <= 1:
            best = min(best, t)
    return best


def shoelace(pts):
    return abs(sum(pts[i][0] * pts[i - 1][1] - pts[i - 1][0] * pts[i][1]
                   for i in range(len(pts)))) / 2


def zone_outline(centre, other, polys, area_km2, shape_rng, n=72):
    """A star-shaped outline around centre inside polys, on centre's side of the bisector."""
    lon0, lat0 = centre["lon"], centre["lat"]
    segments = []
    for poly in polys:
        for ring in poly:
            pts = [to_km(lon, lat, lon0, lat0) for lon, lat in ring]
            segments += list(zip(pts, pts[1:] + pts[:1]))
    dx, dy = to_km(other["lon"], other["lat"], lon0, lat0)
    phases = [shape_rng.uniform(0, 2 * math.pi) for _ in range(3)]
    limits, wobble = [], []
    for i in range(n):
        a = 2 * math.pi * i / n
        ux, uy = math.cos(a), math.sin(a)
        limit = 0.97 * ray_exit(segments, ux, uy)
        along = ux * dx + uy * dy
        if along > 0:
            limit = min(limit, 0.97 * (dx * dx + dy * dy) / (2 * along))
        limits.append(limit)
        wobble.append(1 + 0.22 * math.sin(2 * a + phases[0]) + 0.12 * math.sin(3 * a + phases[1])
                      + 0.06 * math.sin(5 * a + phases[2]))

    def outline(scale):
        return [(min(scale * w, lim) * math.cos(2 * math.pi * i / n),
                 min(scale * w, lim) * math.sin(2 * math.pi * i / n))
                for i, (w, lim) in enumerate(zip(wobble, limits))]

    lo, hi = 0.0, 300.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if shoelace(outline(mid)) < area_km2 else (lo, mid)
    pts = outline(lo)
    # An edge may still cut across a notch of the district's border: pull such edges in.
    for _ in range(50):
        bad = []
        for i in range(n):
            for f in (0.25, 0.5, 0.75):
                q = from_km(pts[i - 1][0] + f * (pts[i][0] - pts[i - 1][0]),
                            pts[i - 1][1] + f * (pts[i][1] - pts[i - 1][1]), lon0, lat0)
                if not any(inside(poly, q["lon"], q["lat"]) for poly in polys):
                    bad.append(i)
                    break
        if not bad:
            break
        for i in bad:
            pts[i] = (pts[i][0] * 0.9, pts[i][1] * 0.9)
            pts[i - 1] = (pts[i - 1][0] * 0.9, pts[i - 1][1] * 0.9)
    return [from_km(x, y, lon0, lat0) for x, y in pts], shoelace(pts)


def fit_outline(zone, other_centre, polys, goal):
    """Outline of about goal km2; retried because pulling edges out of notches loses area."""
    asked = goal
    for _ in range(6):
        outline, got = zone_outline(zone["centre"], other_centre, polys, asked,
                                    random.Random("outline-" + zone["id"]))
        if got >= 0.997 * goal or got <= 0:
            break
        asked *= goal / got
    return outline, got


def add_forest_outlines(zones, districts, shapes, geo_areas):
    city_and_te = sum(geo_areas[d] * c for d, c in COVER.items())
    rest = sum(a for d, a in geo_areas.items() if d not in COVER)
    cover = {d: COVER.get(d, (FOREST_HA / 100 - city_and_te) / rest) for d in geo_areas}
    total = 0.0
    for d in districts:
        own = {z["id"][-1]: z for z in zones if z["districtId"] == d["id"]}
        want = {t: geo_areas[d["id"]] * cover[d["id"]] * ZONE_SHARE[t] for t in own}
        got = {}
        # A zone cramped against its border gives what it cannot hold to its sibling, and back.
        for tag in ("a", "b", "a"):
            other = own["b" if tag == "a" else "a"]
            goal = want[tag] + max(0.0, want[other["id"][-1]] - got.get(other["id"][-1], want[
                other["id"][-1]]))
            own[tag]["boundary"], got[tag] = fit_outline(own[tag], other["centre"],
                                                         shapes[d["id"]], goal)
        for tag, z in own.items():
            total += got[tag]
            print(f"  {z['id']}: {got[tag]:8.1f} km2 (share {want[tag]:8.1f})", file=sys.stderr)
    print(f"forest zones total {total * 100:,.0f} ha (real: {FOREST_HA:,.1f} ha)", file=sys.stderr)


def main(geo_path, out_path):
    geo = json.load(open(geo_path, encoding="utf-8"))
    shapes = {}
    geo_areas = {}
    districts = []
    for f in sorted(geo["features"], key=lambda f: f["properties"]["gso_code"]):
        p = f["properties"]
        polys = rings(f["geometry"])
        shapes[p["gso_code"]] = polys
        geo_areas[p["gso_code"]] = p["area_km2"]
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
    add_forest_outlines(zones, districts, shapes, geo_areas)
    targets = [{"kind": k, "scope": "PROVINCE", "year": y, "percent": v} for k, y, v in TARGETS]
    doc = {"province": {"id": "12", "name": "Lai Châu", "nameAscii": "Lai Chau"},
           "districts": districts, "zones": zones, "roadSegments": segments, "riverStations": rivers,
           "transformers": transformers, "sensors": sensors, "fieldUnits": units,
           "targets": targets}
    with open(out_path, "w", encoding="utf-8") as out:
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")
    print(f"{len(districts)} districts, {len(zones)} zones, {len(segments)} segments, "
          f"{len(rivers)} river stations, {len(transformers)} transformers, {len(sensors)} sensors, "
          f"{len(units)} field units")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
