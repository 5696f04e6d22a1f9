package io.cityops.ingest.parse;

/**
 * Makes device-supplied text safe to put in a rejection detail or a log line: quoted, control
 * characters escaped, and cut short, so a hostile payload cannot forge log lines or flood them.
 */
public final class Quote {
    private static final int MAX_CHARS = 64;

    private Quote() {}

    /** {@code 'text'}, escaped and truncated to 64 characters. */
    public static String of(String text) {
        return "'" + clean(text, MAX_CHARS) + "'";
    }

    /** The text with control characters escaped, truncated to {@code max} characters. */
    public static String clean(String text, int max) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (sb.length() >= max) {
                return sb.append('…').toString();
            }
            char c = text.charAt(i);
            if (c < 0x20
                    || c == 0x7f
                    || (c >= 0x80 && c < 0xa0)
                    || c == '\u2028'
                    || c == '\u2029') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
