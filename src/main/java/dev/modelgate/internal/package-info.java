/**
 * The JUnit extension machinery behind {@link dev.modelgate.Qualification}: one class-template
 * invocation per candidate, the lazy boot, parameter resolution, the recorded evidence, the result
 * file after every requirement, the settings check and parallel runs.
 *
 * <p><b>Internal</b>: may change without notice.
 */
package dev.modelgate.internal;
