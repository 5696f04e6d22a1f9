package io.cityops.jobs.detection.traffic;

/**
 * The California algorithm's measures for one minute of one segment (DOMAIN.md, "Traffic"): OCCDF =
 * occ(U) − occ(D), OCCRDF = OCCDF / occ(U), DOCCTD = (occ(D, t−2) − occ(D, t)) / occ(D, t−2).
 * DOCCTD is NaN when no earlier downstream occupancy is known or it was zero.
 */
public record OccupancyTests(
        double upstreamPct, double downstreamPct, double occdf, double occrdf, double docctd) {

    public static OccupancyTests of(double upstreamPct, double downstreamPct, double earlierPct) {
        double occdf = upstreamPct - downstreamPct;
        double occrdf = upstreamPct > 0 ? occdf / upstreamPct : 0;
        double docctd = earlierPct > 0 ? (earlierPct - downstreamPct) / earlierPct : Double.NaN;
        return new OccupancyTests(upstreamPct, downstreamPct, occdf, occrdf, docctd);
    }

    /** The spatial tests: the occupancy difference, absolute (T1) and relative (T2). */
    public boolean spatial(TrafficParams p) {
        return occdf >= p.occdfPct() && occrdf >= p.occrdf();
    }

    /** The temporal test (T3): the downstream occupancy has fallen sharply. */
    public boolean temporal(TrafficParams p) {
        return docctd >= p.docctd();
    }
}
