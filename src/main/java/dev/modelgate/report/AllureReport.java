package dev.modelgate.report;

import dev.modelgate.catalog.Secret;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/** {@link Report} on Allure's lifecycle (looked up on every call, so tests can swap it). */
final class AllureReport implements Report {

    static final AllureReport INSTANCE = new AllureReport();

    private AllureReport() {
    }

    private static AllureLifecycle lifecycle() {
        return Allure.getLifecycle();
    }

    private static boolean inTest() {
        return lifecycle().getCurrentTestCase().isPresent();
    }

    @Override
    public void attach(String name, String mediaType, String extension, String content) {
        attach(name, mediaType, extension, Secret.redact(content).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void attach(String name, String mediaType, String extension, byte[] content) {
        if (inTest()) {
            lifecycle().addAttachment(name, mediaType, extension, new ByteArrayInputStream(content));
        }
    }

    @Override
    public void step(String name) {
        if (inTest()) {
            Allure.step(Secret.redact(name));
        }
    }

    @Override
    public void failedStep(String name) {
        if (inTest()) {
            String uuid = UUID.randomUUID().toString();
            lifecycle().startStep(uuid, new StepResult().setName(Secret.redact(name)).setStatus(Status.FAILED));
            lifecycle().stopStep(uuid);
            // A passed test has no status message; the first missed point becomes it, so that
            // Allure's categories (matched on messages) can list nice-to-have misses.
            lifecycle().updateTestCase(result -> {
                if (result.getStatusDetails() == null || result.getStatusDetails().getMessage() == null) {
                    result.setStatusDetails(new StatusDetails().setMessage(Secret.redact(name)));
                }
            });
        }
    }

    @Override
    public void place(Map<String, String> labels, Map<String, String> parameters, String stableKey) {
        if (!inTest()) {
            return;
        }
        lifecycle().updateTestCase(result -> {
            result.getLabels().removeIf(l -> labels.containsKey(l.getName()));
            labels.forEach((k, v) -> result.getLabels().add(new Label().setName(k).setValue(v)));
            result.getParameters().removeIf(p -> parameters.containsKey(p.getName()));
            parameters.forEach((k, v) -> result.getParameters().add(new Parameter().setName(k).setValue(v)));
            result.setHistoryId(md5(stableKey));
            result.setTestCaseId(md5(stableKey));
        });
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
