package dev.modelgate;

import dev.modelgate.spi.QualificationProvider;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The extension {@link Qualification} registers: it hands the suite to the one
 * {@link QualificationProvider} found with {@link ServiceLoader}.
 */
final class QualificationExtension implements ClassTemplateInvocationContextProvider {

    private final QualificationProvider provider;

    QualificationExtension() {
        this(QualificationExtension.class.getClassLoader());
    }

    QualificationExtension(ClassLoader loader) {
        this.provider = load(loader);
    }

    static QualificationProvider load(ClassLoader loader) {
        List<QualificationProvider> found = ServiceLoader.load(QualificationProvider.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList();
        if (found.size() != 1) {
            throw new ExtensionConfigurationException("Configuration error: @Qualification needs exactly one "
                    + QualificationProvider.class.getName() + " in META-INF/services on the class path, found "
                    + found.stream().map(p -> p.getClass().getName()).toList()
                    + "; put one modelgate jar on the test class path");
        }
        return found.get(0);
    }

    /** The implementation this extension hands the suite to. */
    QualificationProvider provider() {
        return provider;
    }

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return provider.supportsClassTemplate(context);
    }

    @Override
    public boolean mayReturnZeroClassTemplateInvocationContexts(ExtensionContext context) {
        return provider.mayReturnZeroClassTemplateInvocationContexts(context);
    }

    @Override
    public Stream<? extends ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        return provider.provideClassTemplateInvocationContexts(context);
    }
}
