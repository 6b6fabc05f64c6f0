/**
 * Memory measurement: GPU memory per process tree ({@code nvidia-smi}), unified memory ({@code
 * /proc/meminfo} and vLLM's log), Ollama's and process RSS probes, and the memory budget a
 * candidate is booted with.
 *
 * <p><b>Internal</b>: may change without notice, except {@link BootMemory}, which {@link
 * dev.modelgate.Boot#memory()} returns.
 */
package dev.modelgate.measure.memory;
