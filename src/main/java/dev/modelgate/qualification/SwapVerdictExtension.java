package dev.modelgate.qualification;

import dev.modelgate.catalog.Settings;
import dev.modelgate.report.AllureOutput;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Supplies the {@link VerdictRun} of the run's settings to {@link SwapVerdicts}. */
final class SwapVerdictExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == VerdictRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Settings settings = Settings.of(context::getConfigurationParameter);
        return new VerdictRun(settings, AllureOutput.allure(AllureOutput.resultsDir(settings)), System.getenv());
    }
}
