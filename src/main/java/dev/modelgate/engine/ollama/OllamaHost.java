package dev.modelgate.engine.ollama;

import java.net.URI;
import java.util.Optional;

/**
 * Where Ollama listens, read as Ollama reads {@code OLLAMA_HOST}: {@code host}, {@code host:port},
 * {@code :port}, {@code http://host:port}; no scheme means {@code http} and port 11434; an explicit
 * {@code http://} without a port means 80, {@code https://} 443. A wildcard address
 * ({@code 0.0.0.0}, {@code ::}) or an empty host is reached on loopback.
 *
 * @param bind what {@code ollama serve} is told to listen on ({@code host:port})
 * @param url  where clients reach it
 */
record OllamaHost(String bind, URI url) {

    public static final int DEFAULT_PORT = 11434;

    /** The host from {@code OLLAMA_HOST} (or {@code value}), else {@code 127.0.0.1:11434}. */
    public static OllamaHost parse(Optional<String> value) {
        String s = value.map(String::trim).orElse("");
        String scheme = "http";
        String defaultPort = String.valueOf(DEFAULT_PORT);
        int sep = s.indexOf("://");
        if (sep >= 0) {
            scheme = s.substring(0, sep);
            s = s.substring(sep + 3);
            defaultPort = scheme.equals("https") ? "443" : "80";
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        String host = s;
        String port = defaultPort;
        if (s.startsWith("[") && s.indexOf(']') > 0) {
            host = s.substring(1, s.indexOf(']'));
            String rest = s.substring(s.indexOf(']') + 1);
            port = rest.startsWith(":") ? rest.substring(1) : defaultPort;
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = s.substring(s.indexOf(':') + 1);
        }
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
            port = defaultPort;
        }
        String reach = host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        String bind = (host.isEmpty() ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        String reachable = reach.contains(":") ? "[" + reach + "]" : reach;
        return new OllamaHost(bind, URI.create(scheme + "://" + reachable + ":" + port));
    }
}
