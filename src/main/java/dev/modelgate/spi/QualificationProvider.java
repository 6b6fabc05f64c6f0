package dev.modelgate.spi;

import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;

/**
 * Runs a {@link dev.modelgate.Qualification} suite once per candidate. The annotation's extension
 * finds the one implementation with {@link java.util.ServiceLoader} (the library registers it in
 * {@code META-INF/services}), so the annotations do not depend on the machinery behind them.
 */
public interface QualificationProvider extends ClassTemplateInvocationContextProvider {
}
