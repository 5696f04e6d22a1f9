package io.cityops.model;

/** What a detector says about an incident's subject: it starts, it changed, or it is over. */
public enum SignalAction {
    RAISE,
    UPDATE,
    CLEAR
}
