package dev.modelgate.internal;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.ChildProcess;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.report.Report;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a requirement test of a candidate goes in the report (candidate → requirement), and the
 * server logs it carries when something failed.
 */
final class ReportPlacement {

    private static final long LOG_ATTACHMENT_LIMIT = 4L * 1024 * 1024;

    private ReportPlacement() {
    }

    /** Labels, the model parameter and a history id that is stable across runs. */
    static void place(Candidate candidate, Optional<RequirementSpec> spec, Method method) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("epic", "qualification");
        labels.put("feature", spec.map(RequirementSpec::title).orElse(method.getName()));
        labels.put("story", candidate.name() + " (" + candidate.id() + ")");
        labels.put("parentSuite", "qualification");
        labels.put("suite", candidate.name() + " (" + candidate.id() + ")");
        labels.put("subSuite", spec.map(RequirementSpec::title).orElse(method.getName()));
        labels.put("severity", spec.map(s -> s.must().isPresent() ? "critical" : "minor").orElse("normal"));
        spec.ifPresent(s -> labels.put("tag", s.must().isPresent() ? "must-have" : "nice-to-have"));
        Report.allure().place(labels, Map.of("model", candidate.id()),
                "modelgate:" + candidate.id() + ":" + method.getDeclaringClass().getName() + "#" + method.getName());
    }

    /** The whole boot log (its tail when large), to the first test the boot failure breaks. */
    static void attachBootLog(ModelSession session, BootFailure failure) {
        if (failure.log().isPresent() && session.takeBootLogAttachment()) {
            Path log = failure.log().get();
            try {
                long size = Files.exists(log) ? Files.size(log) : 0;
                String text = size > LOG_ATTACHMENT_LIMIT ? ChildProcess.tail(log, 20_000) : Files.readString(log);
                Report.allure().attach("server log", "text/plain", "log", text);
            } catch (IOException e) {
                Report.allure().step("server log could not be read: " + e.getMessage());
            }
        }
    }

    /** The last lines of the server log, to a test that broke for another reason than the boot. */
    static void attachLogTail(ModelSession session, Throwable cause) {
        if (!(cause instanceof BootFailure) || cause instanceof dev.modelgate.engine.ServerDied) {
            session.runningIfBooted().flatMap(RunningModel::log).ifPresent(log ->
                    Report.allure().attach("server log (last 200 lines)", "text/plain", "log",
                            ChildProcess.tail(log, 200)));
        }
    }
}
