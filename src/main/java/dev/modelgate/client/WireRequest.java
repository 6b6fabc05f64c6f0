package dev.modelgate.client;

import java.net.URI;
import java.util.Map;

/** An HTTP request as a transport writes it: method, absolute URI, headers in order, body (empty for none). */
record WireRequest(String method, URI uri, Map<String, String> headers, byte[] body) {

    WireRequest {
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
