package dev.modelgate.catalog.preflight;

/**
 * The Hugging Face Hub could not answer the preflight: no network, a refused token, a gated or
 * missing repository. The message says which, with the URL and what to do.
 */
final class HubUnavailableException extends RuntimeException {

    HubUnavailableException(String message) {
        super(message);
    }

    HubUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
