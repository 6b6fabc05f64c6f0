/**
 * The server's own view of a run: its Prometheus {@code /metrics} scraped before and after the
 * samples, and the cross-check of the client's figures against them.
 *
 * <p><b>Internal</b>: may change without notice.
 */
package dev.modelgate.measure.server;
