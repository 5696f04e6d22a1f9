package io.cityops.model;

/** What an operator or a field unit asks of an alert on the {@code alert-commands} topic. */
public enum AlertCommandType {
    /** Someone has seen the alert and takes care of it; stops its escalation. */
    ACKNOWLEDGE,
    /** Hands the alert to another field unit ({@link AlertCommand#assignee()}). */
    ASSIGN,
    /** An operator declares the incident over, whatever the detector still says. */
    RESOLVE,
    /** Adds a remark to the alert's history; changes nothing else. */
    COMMENT,
    /** Silences the alert until {@link AlertCommand#shelveUntil()}: no escalation, no delivery. */
    SHELVE,
    /** Ends a shelving early. */
    UNSHELVE
}
