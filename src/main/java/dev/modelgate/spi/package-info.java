/**
 * The seam between the annotations and their implementation: {@link QualificationProvider}, found
 * with {@link java.util.ServiceLoader}, so that {@code dev.modelgate} does not depend on {@code
 * dev.modelgate.internal}.
 *
 * <p><b>Internal</b>: for the library itself; may change without notice.
 */
package dev.modelgate.spi;
