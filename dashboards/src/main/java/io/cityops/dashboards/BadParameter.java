package io.cityops.dashboards;

/**
 * A request parameter that cannot be used, with a message for the caller saying what is wrong; the
 * web layer turns it into HTTP 400.
 */
public class BadParameter extends RuntimeException {
    public BadParameter(String message) {
        super(message);
    }
}
