/**
 * The engines by type, and the choice of engine for a candidate under the run's settings
 * ({@code modelgate.url}, {@code modelgate.engine}). It sits apart from {@code engine} so that
 * {@code engine} does not depend on the packages of the engines built on it.
 *
 * <p><b>Internal</b>: may change without notice.
 */
package dev.modelgate.engine.registry;
