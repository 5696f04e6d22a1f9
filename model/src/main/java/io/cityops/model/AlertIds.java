package io.cityops.model;

/** Builds alert identities. An alert is identified by its incident type and subject. */
public final class AlertIds {
    private AlertIds() {}

    public static String of(String type, String subjectId) {
        return type + ":" + subjectId;
    }
}
