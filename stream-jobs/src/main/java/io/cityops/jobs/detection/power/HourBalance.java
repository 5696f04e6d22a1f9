package io.cityops.jobs.detection.power;

import java.util.Collection;

/**
 * One transformer's energy balance over one event-time hour (DOMAIN.md, "Power"): loss =
 * E(transformer meter) − Σ E(customer meters). Complete only when the transformer meter and every
 * customer meter of the transformer have a complete record of the hour and the transformer
 * delivered energy; an incomplete hour is reported but never judged.
 *
 * @param transformerWh NaN when the transformer meter has no record of the hour
 * @param customersReported customer meters with a record of the hour
 * @param customersExpected customer meters of the transformer
 */
public record HourBalance(
        long hour,
        double transformerWh,
        double customersWh,
        int customersReported,
        int customersExpected,
        boolean complete) {

    /** The share of the transformer's energy not billed to its customers, NaN when unknown. */
    public double lossShare() {
        return transformerWh > 0 ? (transformerWh - customersWh) / transformerWh : Double.NaN;
    }

    /**
     * Balances {@code hour} from the transformer meter's records (normally one) and the customer
     * meters' records of that hour ({@link MeterHour#EMPTY} or absent for a meter without one).
     */
    public static HourBalance of(
            long hour,
            Collection<MeterHour> transformer,
            Collection<MeterHour> customers,
            int customersExpected) {
        double tWh = 0;
        boolean tComplete = !transformer.isEmpty();
        int tPresent = 0;
        for (MeterHour m : transformer) {
            if (m.present()) {
                tPresent++;
                tWh += m.wh();
            }
            tComplete &= m.present() && m.complete();
        }
        double cWh = 0;
        int reported = 0;
        boolean cComplete = true;
        for (MeterHour m : customers) {
            if (m.present()) {
                reported++;
                cWh += m.wh();
            }
            cComplete &= m.present() && m.complete();
        }
        boolean complete = tComplete && cComplete && reported == customersExpected && tWh > 0;
        return new HourBalance(
                hour, tPresent == 0 ? Double.NaN : tWh, cWh, reported, customersExpected, complete);
    }
}
