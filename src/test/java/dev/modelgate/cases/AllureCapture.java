package dev.modelgate.cases;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Captures what Allure records while some code runs, as one test case kept in memory: its steps
 * and their attachments. Restores the previous lifecycle when closed.
 */
public final class AllureCapture implements AutoCloseable {

    private final AllureLifecycle previous;
    private final AllureLifecycle lifecycle;
    private final String uuid = UUID.randomUUID().toString();
    private final List<TestResult> results = new CopyOnWriteArrayList<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private boolean finished;

    private AllureCapture() {
        previous = Allure.getLifecycle();
        lifecycle = new AllureLifecycle(new AllureResultsWriter() {
            @Override
            public void write(TestResult testResult) {
                results.add(testResult);
            }

            @Override
            public void write(TestResultContainer container) {
            }

            @Override
            public void write(String source, InputStream in) {
                try (in) {
                    files.put(source, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        Allure.setLifecycle(lifecycle);
        lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("captured"));
        lifecycle.startTestCase(uuid);
    }

    public static AllureCapture start() {
        return new AllureCapture();
    }

    /** Ends the captured test case and returns its steps. */
    public List<StepResult> steps() {
        finish();
        return results.get(0).getSteps();
    }

    /** The text of a step's attachment named {@code name}. */
    public Optional<String> attachment(StepResult step, String name) {
        return bytes(step, name).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    public Optional<byte[]> bytes(StepResult step, String name) {
        finish();
        return step.getAttachments().stream().filter(a -> a.getName().equals(name)).findFirst()
                .map(Attachment::getSource).map(files::get);
    }

    private void finish() {
        if (!finished) {
            finished = true;
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
            Allure.setLifecycle(previous);
        }
    }

    @Override
    public void close() {
        finish();
    }
}
