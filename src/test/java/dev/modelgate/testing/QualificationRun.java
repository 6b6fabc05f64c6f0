package dev.modelgate.testing;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.MethodFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs a qualification suite class the way {@code mvn test -Dmodel=…} does, with configuration
 * parameters instead of system properties (and, unless {@link #allCases()}, on the {@link SeedCases}; unless
 * {@link #withCapacitySearch()}, without the capacity search), so tests can assert on its outcome: through JUnit's
 * {@link EngineTestKit} ({@link #execute()}), or through the Launcher with Allure's listener
 * writing into a directory of the test's own ({@link #launchWithAllure(Path)}).
 */
public final class QualificationRun {

    /** The qualification suite users run (package-private in its package, so selected by name). */
    public static final String SUITE = "dev.modelgate.qualification.QualificationSuite";

    /** The verdict tests, run after the suite (package-private in their package, so selected by name). */
    public static final String VERDICT = "dev.modelgate.qualification.SwapVerdictTests";

    private final String suite;
    private final java.util.List<String> more = new java.util.ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private MethodFilter only;

    private QualificationRun(String suite) {
        this.suite = suite;
        // The seed cases unless a test asks for all: their figures are what these tests were written on.
        parameters.put(dev.modelgate.cases.QualityCases.FILTER, SeedCases.FILTER);
        // No capacity search unless a test asks for one: it runs for as long as its budget allows.
        parameters.put(dev.modelgate.qualification.CapacityEvidence.SETTING, "false");
    }

    /** Runs the capacity search of the requirement table, which these runs leave out unless asked. */
    public QualificationRun withCapacitySearch() {
        parameters.remove(dev.modelgate.qualification.CapacityEvidence.SETTING);
        return this;
    }

    /** Runs every built-in quality case, not only the seed cases. */
    public QualificationRun allCases() {
        parameters.remove(dev.modelgate.cases.QualityCases.FILTER);
        return this;
    }

    public static QualificationRun of(Class<?> suite) {
        return new QualificationRun(suite.getName());
    }

    /** The project's qualification suite. */
    public static QualificationRun suite() {
        return new QualificationRun(SUITE);
    }

    /** The verdict tests alone, as {@code mvn test -Dmodelgate.merge=…} runs them. */
    public static QualificationRun verdictOnly() {
        return new QualificationRun(VERDICT);
    }

    /** Also runs the verdict tests after the suite, as {@code mvn test -Dmodel=…} does. */
    public QualificationRun withVerdict() {
        more.add(VERDICT);
        return set("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$OrderAnnotation");
    }

    public QualificationRun model(String selection) {
        return set("model", selection);
    }

    public QualificationRun results(Path dir) {
        return set("modelgate.results", dir.toString());
    }

    public QualificationRun set(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    /**
     * Runs only the test methods with these names (for every candidate), in the suite's order: a
     * test of one fault needs the requirements that meet it, not the whole suite.
     */
    public QualificationRun only(String... methods) {
        only = MethodFilter.includeMethodNamePatterns(".*#(" + String.join("|", methods) + ")");
        return this;
    }

    public EngineExecutionResults execute() {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter")
                .configurationParameters(parameters)
                .selectors(selectors().toArray(org.junit.platform.engine.DiscoverySelector[]::new));
        if (only != null) {
            kit.filters(only);
        }
        return kit.execute();
    }

    private java.util.List<org.junit.platform.engine.discovery.ClassSelector> selectors() {
        java.util.List<org.junit.platform.engine.discovery.ClassSelector> s = new java.util.ArrayList<>();
        s.add(selectClass(suite));
        more.forEach(name -> s.add(selectClass(name)));
        return s;
    }

    /** Runs through the Launcher with Allure writing into {@code allureResults}. */
    public TestExecutionSummary launchWithAllure(Path allureResults) {
        AllureLifecycle previous = Allure.getLifecycle();
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(allureResults));
        Allure.setLifecycle(lifecycle);
        try {
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .addTestExecutionListeners(new AllureJunitPlatform(lifecycle), summary)
                    .build());
            LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectors())
                    .configurationParameters(parameters);
            if (only != null) {
                builder.filters(only);
            }
            LauncherDiscoveryRequest request = builder.build();
            launcher.execute(request);
            return summary.getSummary();
        } finally {
            Allure.setLifecycle(previous);
        }
    }
}
