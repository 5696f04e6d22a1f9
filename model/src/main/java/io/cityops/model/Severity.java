package io.cityops.model;

/** How bad an incident is, with its CAP 1.2 severity (DOMAIN.md, "Severity and CAP mapping"). */
public enum Severity {
    INFO("Minor"),
    MINOR("Moderate"),
    MAJOR("Severe"),
    CRITICAL("Extreme");

    private final String capSeverity;

    Severity(String capSeverity) {
        this.capSeverity = capSeverity;
    }

    public String capSeverity() {
        return capSeverity;
    }
}
