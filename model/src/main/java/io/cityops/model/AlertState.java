package io.cityops.model;

/** The activity axis of an alert's status; acknowledgement is the other axis (STYLE.md #17). */
public enum AlertState {
    ACTIVE,
    CLEARED
}
