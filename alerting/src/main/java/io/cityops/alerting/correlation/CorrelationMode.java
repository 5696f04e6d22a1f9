package io.cityops.alerting.correlation;

/** How the alerts of one correlation group relate to each other. */
public enum CorrelationMode {
    /** Each alert stands alone (its group holds only itself). */
    NONE,
    /** An alert on the group's root subject absorbs the others (transformer outage and meters). */
    ROOT_ABSORBS,
    /** The first active alert is the incident and absorbs the later ones (fire in one zone). */
    FIRST_ABSORBS,
    /** Alerts stay separate but name each other (river stations upstream and downstream). */
    LINK
}
