package dev.modelgate.qualification;

import dev.modelgate.catalog.MetricNames;
import dev.modelgate.Evidence;
import dev.modelgate.catalog.Settings;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.Completion;
import dev.modelgate.client.ProtocolError;
import dev.modelgate.client.ServerError;
import dev.modelgate.client.Usage;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.RunningModel;
import dev.modelgate.measure.memory.BootMemory;
import dev.modelgate.measure.memory.CannotMeasure;
import dev.modelgate.measure.memory.Gib;
import dev.modelgate.measure.memory.MemoryBudget;
import dev.modelgate.measure.memory.MemoryFailure;
import dev.modelgate.measure.memory.MemoryFailures;
import dev.modelgate.measure.memory.MemoryProbes;
import dev.modelgate.measure.memory.MemoryReading;
import dev.modelgate.measure.memory.VllmMemoryFigures;
import dev.modelgate.measure.memory.VllmMemoryLog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The VRAM requirement (SPEC §4): the candidate booted with its memory budget, reached ready, and
 * serves the longest-context request within it; reported beside it are the weights and KV cache
 * from vLLM's log and the footprint it holds when ready and warm, with the method that measured it.
 * The figures go to {@code metrics.vramGiB}; an unmeasurable footprint makes the test broken.
 */
final class VramCheck {

    /** The result-file metric: {@code metrics.vramGiB}. */
    public static final String METRIC = MetricNames.VRAM_GIB;

    private VramCheck() {
    }

    /**
     * Serves the longest request sized for {@code context} (sized again, once, by the server's own
     * token count when it overflows the context), measures, records and judges.
     *
     * @throws AssertionError on a must-have miss (budget above the must-have, or the request not served)
     * @throws CannotMeasure  when no method can measure the footprint (broken)
     */
    public static void run(RunningModel model, ChatClient client,
                           java.util.function.Function<OptionalInt, ChatRequest> longest, OptionalInt context,
                           Settings settings, BootMemory boot, Evidence evidence) {
        evidence.note("memory budget: " + (boot.budgetNote().isBlank()
                ? boot.budget().map(MemoryBudget::describe).orElse("none") : boot.budgetNote()));
        OptionalInt promptTokens = serve(model, client, longest, context, boot, evidence);
        VllmMemoryFigures figures = logFigures(model);
        MemoryReading reading;
        try {
            reading = new MemoryProbes(settings).measure(model, boot, figures);
        } catch (CannotMeasure e) {
            Map<String, Object> partial = fields(Optional.empty(), figures, boot, promptTokens);
            partial.put("unmeasured", e.getMessage());
            evidence.metric(METRIC, partial);
            e.outputs().forEach((name, text) -> evidence.attach(name, "text/plain", "txt", text));
            attachLog(figures, evidence);
            throw e;
        }
        evidence.metric(METRIC, fields(Optional.of(reading), figures, boot, promptTokens));
        reading.outputs().forEach((name, text) -> evidence.attach(name, "text/plain", "txt", text));
        attachLog(figures, evidence);
        reading.notes().forEach(evidence::note);
        String footprint = "footprint " + Gib.format(reading.gib()) + " (" + reading.method() + ")";
        Optional<MemoryBudget> budget = boot.budget().filter(MemoryBudget::fixed);
        if (budget.isPresent()) {
            double b = budget.get().gib();
            evidence.note(footprint + " beside a budget of " + Gib.format(b)
                    + (reading.gib() > b ? ": the footprint exceeds the budget by " + Gib.format(reading.gib() - b)
                    + " (memory outside vLLM's accounting)" : ""));
            evidence.judge("memory budget", Gib.round(b));
        } else {
            evidence.note(footprint + "; no fixed budget, so the footprint is judged");
            evidence.judge("memory footprint", reading.value());
        }
    }

    /**
     * For a VRAM test whose candidate did not boot: when the server's log says the model does not
     * fit its memory, the requirement fails with the log's figures; any other boot failure (and a
     * machine without the free memory the budget asks for) is rethrown as it is (broken).
     */
    public static void bootFailed(BootFailure failure, BootMemory boot, Evidence evidence) {
        VllmMemoryFigures figures = failure.log().map(VllmMemoryLog::read).orElse(VllmMemoryFigures.NONE);
        Optional<MemoryFailure> first = figures.failures().stream().findFirst();
        if (first.isEmpty()) {
            throw failure;
        }
        attachLog(figures, evidence);
        if (!first.get().candidateAtFault()) {
            throw new IllegalStateException("the machine did not have the memory free that the budget asks for"
                    + " (another process holds it), so the candidate could not be tried: " + first.get().line(),
                    failure);
        }
        Map<String, Object> partial = fields(Optional.empty(), figures, boot, OptionalInt.empty());
        partial.put("bootFailure", first.get().line());
        evidence.metric(METRIC, partial);
        String message = MemoryFailures.explain(first.get(), figures, boot.budget());
        evidence.judgeRule("memory budget", message, false, false);
        throw new AssertionError(message);
    }

    private static OptionalInt serve(RunningModel model, ChatClient client,
                                     java.util.function.Function<OptionalInt, ChatRequest> longest, OptionalInt context,
                                     BootMemory boot, Evidence evidence) {
        Completion completion;
        try {
            try {
                completion = client.stream(longest.apply(context));
            } catch (ServerError e) {
                java.util.Optional<dev.modelgate.measure.ContextOverflow> overflow =
                        dev.modelgate.measure.ContextOverflow.of(e);
                if (overflow.isEmpty()) {
                    throw e;
                }
                OptionalInt fitted = overflow.get().shrink(context);
                evidence.note("the longest request overflowed the context (" + e.serverMessage() + "); sized again"
                        + " for " + fitted.getAsInt() + " tokens by the tokenizer's own count");
                completion = client.stream(longest.apply(fitted));
            }
        } catch (ServerError e) {
            if (!e.midStream() && e.status() >= 400 && e.status() < 500) {
                throw new IllegalStateException("the longest-context request was rejected (" + e.getMessage()
                        + "): the request does not suit the server, so the budget could not be tried", e);
            }
            throw notServed(model, boot, evidence, e.getMessage());
        } catch (ProtocolError e) {
            throw notServed(model, boot, evidence, e.getMessage());
        }
        if (!model.alive()) {
            throw notServed(model, boot, evidence, "the server exited after answering");
        }
        OptionalInt tokens = completion.usage().map(Usage::promptTokens).filter(n -> n > 0)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        evidence.note("served the longest-context request" + (tokens.isPresent() ? " (" + tokens.getAsInt()
                + " prompt tokens)" : "") + " within the budget");
        return tokens;
    }

    private static AssertionError notServed(RunningModel model, BootMemory boot, Evidence evidence, String error) {
        VllmMemoryFigures figures = logFigures(model);
        Map<String, Object> partial = fields(Optional.empty(), figures, boot, OptionalInt.empty());
        partial.put("servedLongestRequest", false);
        evidence.metric(METRIC, partial);
        attachLog(figures, evidence);
        String message = "the longest-context request was not served within the memory budget: " + error
                + figures.candidateFailure().map(f -> "; the server's log: " + f.line()).orElse("");
        evidence.judgeRule("memory budget", message, false, false);
        return new AssertionError(message);
    }

    private static VllmMemoryFigures logFigures(RunningModel model) {
        return model.log().map(VllmMemoryLog::read).orElse(VllmMemoryFigures.NONE);
    }

    private static void attachLog(VllmMemoryFigures figures, Evidence evidence) {
        if (!figures.lines().isEmpty()) {
            evidence.attach("vLLM memory log lines", "text/plain", "txt", String.join("\n", figures.lines()) + "\n");
        }
    }

    /** The {@code metrics.vramGiB} object: value and method first, absent figures left out (never 0). */
    static Map<String, Object> fields(Optional<MemoryReading> reading, VllmMemoryFigures figures, BootMemory boot,
                                      OptionalInt promptTokens) {
        Map<String, Object> m = new LinkedHashMap<>();
        reading.ifPresent(r -> {
            m.put("value", r.value());
            m.put("method", r.method());
        });
        m.putAll(figures.asFields());
        boot.budget().ifPresent(b -> {
            if (b.fixed()) {
                m.put("budgetGiB", Gib.round(b.gib()));
            }
            if (b.gpuMemoryUtilization() != null) {
                m.put("gpuMemoryUtilization", b.gpuMemoryUtilization());
            }
            m.put("budget", b.describe());
        });
        promptTokens.ifPresent(n -> m.put("promptTokens", n));
        reading.ifPresent(r -> m.put("details", r.details()));
        return m;
    }
}
