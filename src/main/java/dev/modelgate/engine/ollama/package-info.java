/**
 * The {@code ollama} engine: a model served by {@code ollama serve} (started when absent, the model
 * pulled when missing).
 *
 * <p><b>Internal</b>: may change without notice.
 */
package dev.modelgate.engine.ollama;
