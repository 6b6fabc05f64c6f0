/**
 * The {@code vllm-docker} engine: vLLM in a container started with {@code docker run}, stopped with
 * the container.
 *
 * <p><b>Internal</b>: may change without notice.
 */
package dev.modelgate.engine.docker;
