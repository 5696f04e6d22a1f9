package io.cityops.model.json;

/** A value that could not be encoded or decoded; the message says what was wrong. */
public final class JsonCodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
