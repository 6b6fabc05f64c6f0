package dev.modelgate.client;

import java.time.Duration;

/** A request took longer than allowed, in total or between two reads (a stalled stream). */
public class RequestTimeout extends RuntimeException {

    public RequestTimeout(String what, Duration limit, Throwable cause) {
        super(what + " after " + limit.toMillis() / 1000.0 + " s", cause);
    }
}
