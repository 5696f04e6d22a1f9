package io.cityops.dashboards.alerts;

/** What a person asks the alert lifecycle to do with an alert. */
public enum AlertCommandType {
    ACKNOWLEDGE,
    ASSIGN,
    RESOLVE,
    COMMENT
}
