package io.cityops.opscenter.security;

/**
 * One thing an MQTT account may do: publish to, or subscribe to, the topics matching a filter.
 * Everything not granted is denied.
 */
public record Grant(String topicFilter, Access access) {

    /** What the grant allows on its topics. */
    public enum Access {
        PUBLISH,
        /** Subscribe (also as a shared subscription) and receive. */
        SUBSCRIBE
    }

    public static Grant publish(String topicFilter) {
        return new Grant(topicFilter, Access.PUBLISH);
    }

    public static Grant subscribe(String topicFilter) {
        return new Grant(topicFilter, Access.SUBSCRIBE);
    }
}
