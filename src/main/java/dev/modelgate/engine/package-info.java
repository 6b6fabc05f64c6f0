/**
 * Serving a candidate: the {@link Engine} contract, the running model it returns ({@link
 * RunningModel}: base URL, process tree, log, versions), readiness, child processes and their
 * watchdog, and the engines that need no package of their own (vLLM as a child process, an external
 * server).
 *
 * <p><b>API</b>: {@link RunningModel} and {@link BootFailure}, which requirement tests receive; the
 * engines and their machinery are internal and may change without notice.
 */
package dev.modelgate.engine;
