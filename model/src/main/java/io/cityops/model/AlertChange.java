package io.cityops.model;

/**
 * What happened in one alert version: the value of {@link Alert#change()}. Kept as a string in
 * {@link Alert} so that readers survive values added later.
 */
public enum AlertChange {
    RAISE,
    UPDATE,
    CLEAR,
    REOPEN,
    ACKNOWLEDGE,
    ASSIGN,
    RESOLVE,
    COMMENT,
    SHELVE,
    UNSHELVE,
    ESCALATE,
    /** The alert was absorbed under a parent incident (it is now a child) or gained a child. */
    CORRELATE;

    /** Whether a field unit needs to hear about a version with this change. */
    public boolean concernsUnits() {
        return this != COMMENT && this != CORRELATE;
    }
}
