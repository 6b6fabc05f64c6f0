package dev.modelgate.client;

/**
 * The server answered with an error: an HTTP error status, or a {@code data: {"error": …}}
 * event in the middle of a stream. The message quotes the server's own words.
 */
public class ServerError extends RuntimeException {

    private final int status;
    private final String type;
    private final String serverMessage;
    private final boolean midStream;

    public ServerError(int status, String type, String serverMessage, boolean midStream) {
        super((midStream ? "server error mid-stream" : "HTTP " + status) + (type == null ? "" : " (" + type + ")")
                + ": " + serverMessage);
        this.status = status;
        this.type = type;
        this.serverMessage = serverMessage;
        this.midStream = midStream;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String serverMessage() {
        return serverMessage;
    }

    public boolean midStream() {
        return midStream;
    }
}
