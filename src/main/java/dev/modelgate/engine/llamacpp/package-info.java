/**
 * The {@code llamacpp} engine: a GGUF model served by llama.cpp (through its Java binding) in a child
 * JVM, behind a small OpenAI-compatible HTTP endpoint, so that the same client measures it.
 *
 * <p><b>Internal</b>: may change without notice.
 */
package dev.modelgate.engine.llamacpp;
