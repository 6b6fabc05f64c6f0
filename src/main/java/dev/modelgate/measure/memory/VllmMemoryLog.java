package dev.modelgate.measure.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads vLLM's start-up log for memory figures and for the errors that say a model does not fit.
 * Accepts the wordings of older and newer releases ({@code Model loading took X GiB and Y seconds},
 * {@code … X GiB memory and Y seconds}; V0's memory profiling {@code model weights take X GiB; … the
 * rest of the memory reserved for KV Cache is Y GiB} per worker, and 0.6.5's one-line
 * {@code Memory profiling results: … kv_cache_size=Y GiB}), numbers with thousands separators, ANSI colour codes,
 * process prefixes such as {@code (EngineCore_DP0 pid=123)}, and the KV cache size and concurrency
 * on one line or two.
 */
public final class VllmMemoryLog {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    private static final Pattern PREFIX_PID = Pattern.compile("^\\s*\\([^()]*?\\bpid=(\\d+)[^()]*\\)\\s*");
    /** vLLM's record header: {@code ERROR 11-26 06:11:12 [core.py:843] } (older: no opening bracket). */
    private static final Pattern RECORD_HEADER = Pattern.compile(
            "^(?:DEBUG|INFO|WARNING|ERROR|CRITICAL)\\s+\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?\\s+\\[?[\\w./-]+:\\d+\\]\\s*");
    private static final String NUM = "(-?[0-9][0-9,]*(?:\\.[0-9]+)?)";

    private static final Pattern WEIGHTS = Pattern.compile(
            "Model loading took " + NUM + " ?GiB(?: memory)?(?: and " + NUM + " ?s(?:econds)?)?");
    /** vLLM up to 0.5 also wrote "Loading model weights took X GB" (computed in GiB). */
    private static final Pattern WEIGHTS_OLDEST = Pattern.compile("Loading model weights took " + NUM + " ?GB");
    /** vLLM V0 (0.7, 0.8), per worker: {@code model weights take X GiB; …; the rest of the memory reserved for KV Cache is Y GiB.} */
    private static final Pattern WEIGHTS_V0 = Pattern.compile("model weights take\\s+" + NUM + " ?GiB");
    private static final Pattern KV_V0 = Pattern.compile(
            "(?:the rest of the memory reserved for KV Cache is|\\bkv_cache_size=)\\s*" + NUM + " ?GiB");
    private static final Pattern KV_AVAILABLE = Pattern.compile("Available KV cache memory: " + NUM + " ?GiB");
    private static final Pattern KV_RESERVED = Pattern.compile(
            "reserved " + NUM + " GiB memory for KV Cache as specified by kv_cache_memory_bytes");
    private static final Pattern KV_TOKENS = Pattern.compile("GPU KV cache size: " + NUM + " tokens");
    private static final Pattern CONCURRENCY = Pattern.compile(
            "Maximum concurrency for " + NUM + " tokens per request: " + NUM + " ?x");

    private static final List<FailurePattern> FAILURES = List.of(
            new FailurePattern("no-kv-cache-memory", true,
                    Pattern.compile("No available memory for the cache blocks"), List.of()),
            new FailurePattern("kv-cache-too-small", true, Pattern.compile(
                    "max seq len \\(" + NUM + "\\), \\(" + NUM + " GiB KV cache is needed, which is larger than the"
                            + " available KV cache memory \\(" + NUM + " GiB\\)(?:.*?estimated maximum model length is "
                            + NUM + ")?"),
                    List.of("maxModelLen", "neededKvCacheGiB", "availableKvCacheGiB", "estimatedMaxModelLen")),
            new FailurePattern("kv-cache-too-small", true, Pattern.compile(
                    "max seq len \\(" + NUM + "\\) is larger than the maximum number of tokens that can be stored in"
                            + " KV cache \\(" + NUM + "\\)"),
                    List.of("maxModelLen", "kvCacheTokens")),
            new FailurePattern("weights-do-not-fit", true,
                    Pattern.compile("Failed to load model - not enough GPU memory"), List.of()),
            new FailurePattern("cuda-out-of-memory", true, Pattern.compile(
                    "CUDA out of memory\\. Tried to allocate " + NUM + " ?(GiB|MiB|KiB)"
                            + "(?:.*?total capacity of " + NUM + " ?GiB of which " + NUM + " ?(GiB|MiB|KiB) is free)?"),
                    List.of("triedToAllocate", "*", "gpuTotalGiB", "gpuFree", "*")),
            new FailurePattern("free-memory-below-budget", false, Pattern.compile(
                    "Free memory on device(?: \\S+)? \\(" + NUM + "/" + NUM + " GiB\\) on startup is less than desired"
                            + " GPU memory utilization \\(" + NUM + ", " + NUM + " GiB\\)"),
                    List.of("freeGiB", "totalGiB", "gpuMemoryUtilization", "budgetGiB")),
            new FailurePattern("insufficient-memory", true, Pattern.compile(
                    "(?i)(?=.*(?:error|exception))(?:.*\\binsufficient\\b.*\\bmemory\\b|.*\\bmemory\\b.*\\binsufficient\\b)"),
                    List.of()),
            new FailurePattern("exceeds-memory", true, Pattern.compile(
                    "(?i)(?=.*(?:error|exception))(?:.*\\bexceeds?\\b.*\\bmemory\\b|.*\\bmemory\\b.*\\bexceeds?\\b)"),
                    List.of()));

    private VllmMemoryLog() {
    }

    /** Reads a log file; a missing file reads as {@link VllmMemoryFigures#NONE}. */
    public static VllmMemoryFigures read(Path log) {
        if (!Files.isRegularFile(log)) {
            return VllmMemoryFigures.NONE;
        }
        try {
            return parse(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the server log " + log, e);
        }
    }

    public static VllmMemoryFigures parse(String log) {
        Map<String, Double> weightsByProcess = new LinkedHashMap<>();
        Map<String, Double> kvByProcess = new LinkedHashMap<>();
        OptionalLong tokens = OptionalLong.empty();
        OptionalDouble concurrency = OptionalDouble.empty();
        OptionalLong perRequest = OptionalLong.empty();
        List<MemoryFailure> failures = new ArrayList<>();
        Set<String> seenFailures = new HashSet<>();
        List<String> lines = new ArrayList<>();
        for (String raw : log.split("\\r?\\n|\\r")) {
            String line = ANSI.matcher(raw).replaceAll("");
            Matcher prefix = PREFIX_PID.matcher(line);
            String process = "";
            String text = line;
            if (prefix.find()) {
                process = prefix.group(1);
                text = line.substring(prefix.end());
            }
            text = text.trim();
            boolean memoryLine = false;
            Matcher m = WEIGHTS.matcher(text);
            if (m.find()) {
                weightsByProcess.put(process, number(m.group(1)));
                memoryLine = true;
            }
            m = WEIGHTS_OLDEST.matcher(text);
            if (m.find()) {
                weightsByProcess.put(process, number(m.group(1)));
                memoryLine = true;
            }
            m = WEIGHTS_V0.matcher(text);
            if (m.find()) {
                weightsByProcess.put(process, number(m.group(1)));
                memoryLine = true;
            }
            m = KV_V0.matcher(text);
            if (m.find()) {
                kvByProcess.put(process, number(m.group(1)));
                memoryLine = true;
            }
            m = KV_AVAILABLE.matcher(text);
            if (m.find()) {
                kvByProcess.put(process, number(m.group(1)));
                memoryLine = true;
            }
            m = KV_RESERVED.matcher(text);
            if (m.find()) {
                kvByProcess.put(process, number(m.group(1)));
                memoryLine = true;
            }
            m = KV_TOKENS.matcher(text);
            if (m.find()) {
                tokens = OptionalLong.of((long) number(m.group(1)));
                memoryLine = true;
            }
            m = CONCURRENCY.matcher(text);
            if (m.find()) {
                perRequest = OptionalLong.of((long) number(m.group(1)));
                concurrency = OptionalDouble.of(number(m.group(2)));
                memoryLine = true;
            }
            if (!memoryLine) {
                MemoryFailure failure = failureIn(text);
                if (failure != null && seenFailures.add(failure.kind() + "|" + failure.line())) {
                    failures.add(failure);
                    memoryLine = true;
                }
            }
            if (memoryLine) {
                lines.add(line.trim());
            }
        }
        return new VllmMemoryFigures(sum(weightsByProcess), sum(kvByProcess), tokens, concurrency, perRequest,
                weightsByProcess.size(), failures, lines);
    }

    private static MemoryFailure failureIn(String text) {
        for (FailurePattern p : FAILURES) {
            Matcher m = p.pattern.matcher(text);
            if (m.find()) {
                String message = RECORD_HEADER.matcher(text).replaceFirst("");
                return new MemoryFailure(p.kind, p.candidateAtFault, message, p.figures(m));
            }
        }
        return null;
    }

    private static OptionalDouble sum(Map<String, Double> byProcess) {
        return byProcess.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(byProcess.values().stream().mapToDouble(Double::doubleValue).sum());
    }

    static double number(String s) {
        return Double.parseDouble(s.replace(",", ""));
    }

    /** A failure wording; {@code names} name the number groups in order ({@code *}: not a number). */
    private record FailurePattern(String kind, boolean candidateAtFault, Pattern pattern, List<String> names) {

        Map<String, Double> figures(Matcher m) {
            Map<String, Double> f = new LinkedHashMap<>();
            for (int g = 1; g <= Math.min(m.groupCount(), names.size()); g++) {
                String name = names.get(g - 1);
                if (!name.equals("*") && m.group(g) != null) {
                    f.put(name, number(m.group(g)));
                }
            }
            if (kind.equals("cuda-out-of-memory")) {
                unitToGiB(f, "triedToAllocate", m.group(2));
                if (m.groupCount() >= 5 && m.group(5) != null) {
                    unitToGiB(f, "gpuFree", m.group(5));
                }
            }
            return f;
        }

        private static void unitToGiB(Map<String, Double> f, String key, String unit) {
            Double v = f.remove(key);
            if (v != null) {
                double gib = switch (unit) {
                    case "MiB" -> Gib.ofMiB(v);
                    case "KiB" -> Gib.ofKiB(v);
                    default -> v;
                };
                f.put(key + "GiB", gib);
            }
        }
    }
}
