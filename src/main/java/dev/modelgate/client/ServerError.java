package dev.modelgate.client;

/**
 * The server answered with an error: an HTTP error status, or a {@code data: {"error": …}}
 * event in the middle of a stream. {@link #serverMessage()} is the server's whole message (a proxy
 * such as LiteLLM wraps the engine's message in its own words, so the part that matters may come
 * late); the exception's message quotes it abbreviated.
 */
public class ServerError extends RuntimeException {

    /** {@link #status()} of a mid-stream error whose event gave no numeric code. */
    public static final int NO_STATUS = 0;

    /** How much of the server's message the exception message quotes. */
    static final int QUOTED_CHARS = 600;

    private final int status;
    private final String type;
    private final String serverMessage;
    private final boolean midStream;

    public ServerError(int status, String type, String serverMessage, boolean midStream) {
        super(heading(status, midStream) + (type == null ? "" : " (" + type + ")") + ": "
                + abbreviate(String.valueOf(serverMessage)));
        this.status = status;
        this.type = type;
        this.serverMessage = serverMessage;
        this.midStream = midStream;
    }

    private static String heading(int status, boolean midStream) {
        if (!midStream) {
            return "HTTP " + status;
        }
        return status == NO_STATUS ? "server error mid-stream, without a status code" : "server error mid-stream";
    }

    private static String abbreviate(String s) {
        return s.length() <= QUOTED_CHARS ? s : s.substring(0, QUOTED_CHARS) + "… (" + s.length() + " chars)";
    }

    /** The HTTP status, or the error event's numeric code; {@link #NO_STATUS} when the event gave none. */
    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The server's message, whole (secrets redacted). */
    public String serverMessage() {
        return serverMessage;
    }

    public boolean midStream() {
        return midStream;
    }
}
