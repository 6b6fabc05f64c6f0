package dev.modelgate.client;

/** The server's answer did not follow the OpenAI streaming protocol (malformed event, wrong type, …). */
public class ProtocolError extends RuntimeException {

    public ProtocolError(String message) {
        super(message);
    }

    public ProtocolError(String message, Throwable cause) {
        super(message, cause);
    }
}
