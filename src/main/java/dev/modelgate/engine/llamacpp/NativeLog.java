package dev.modelgate.engine.llamacpp;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what llama.cpp writes to its log file: its build number, and for every finished task the
 * number of tokens it generated. The binding hands out generated text, not tokens, and holds back
 * a token that ends inside a UTF-8 character until the character is complete, so counting text
 * pieces undercounts; llama.cpp's own {@code eval time = … / N tokens} line, printed when a task
 * finishes and before its last result is sent, is the real count. The file is read incrementally.
 *
 * <p>Lines of a finished task, as llama.cpp b4916 writes them:
 * <pre>
 * slot update_slots: id  0 | task 7 | new prompt, n_ctx_slot = 2048, n_keep = 0, n_prompt_tokens = 12
 * slot print_timing: id  0 | task 7 |
 * prompt eval time =       1.06 ms /    12 tokens (    0.09 ms per token, 11320.75 tokens per second)
 *        eval time =      17.11 ms /    20 tokens (    0.86 ms per token,  1168.57 tokens per second)
 * </pre>
 */
final class NativeLog {

    private static final Pattern BUILD = Pattern.compile("^build: (\\d+) \\(([0-9a-f]+)\\)");
    private static final Pattern NEW_PROMPT = Pattern.compile("\\| task (\\d+) \\| new prompt,.*n_prompt_tokens = (\\d+)");
    private static final Pattern TIMING = Pattern.compile("print_timing: id\\s+\\d+ \\| task (\\d+) \\|");
    private static final Pattern EVAL = Pattern.compile("^\\s*eval time =\\s*[0-9.]+ ms /\\s*(\\d+) (?:tokens|runs)");
    private static final Duration POLL = Duration.ofMillis(1);

    private final Path file;
    private long position;
    private final StringBuilder partial = new StringBuilder();
    private int timingTask = -1;
    private String build;
    private final Map<Integer, Integer> promptTokens = new HashMap<>();
    private final Map<Integer, Integer> generated = new HashMap<>();

    NativeLog(Path file) {
        this.file = file;
    }

    /** llama.cpp's build, e.g. {@code b4916 (c6af2161)}, once the log has shown it. */
    synchronized Optional<String> build() {
        readNew();
        return Optional.ofNullable(build);
    }

    /**
     * The number of tokens task {@code task} generated, waiting up to {@code wait} for llama.cpp to
     * log it (its log thread writes a moment after the task ends). Empty when it never appears
     * (a cancelled task is not logged).
     */
    OptionalInt generatedTokens(int task, Duration wait) {
        return generatedTokens(task, wait, true);
    }

    /** As {@link #generatedTokens(int, Duration)}; {@code forget}: drop what is known about the task afterwards. */
    OptionalInt generatedTokens(int task, Duration wait, boolean forget) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            synchronized (this) {
                readNew();
                Integer n = forget ? generated.remove(task) : generated.get(task);
                if (n != null) {
                    if (forget) {
                        promptTokens.remove(task);
                    }
                    return OptionalInt.of(n);
                }
            }
            if (System.nanoTime() >= deadline) {
                synchronized (this) {
                    promptTokens.remove(task);
                }
                return OptionalInt.empty();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalInt.empty();
            }
        }
    }

    /**
     * The prompt tokens llama.cpp counted for {@code task}, if logged; ask before
     * {@link #generatedTokens(int, Duration)}, which forgets the task.
     */
    synchronized OptionalInt promptTokens(int task) {
        readNew();
        Integer n = promptTokens.get(task);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n);
    }

    private void readNew() {
        try {
            if (!Files.exists(file)) {
                return;
            }
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
                long length = raf.length();
                if (length < position) {
                    position = 0; // truncated: start over
                }
                if (length == position) {
                    return;
                }
                raf.seek(position);
                byte[] bytes = new byte[(int) Math.min(length - position, 1 << 20)];
                raf.readFully(bytes);
                position += bytes.length;
                partial.append(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return; // counted from the text instead
        }
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
            accept(partial.substring(0, newline));
            partial.delete(0, newline + 1);
        }
    }

    /** Takes one log line; package-private for tests. */
    void accept(String line) {
        Matcher m = BUILD.matcher(line);
        if (m.find()) {
            build = "b" + m.group(1) + " (" + m.group(2) + ")";
            return;
        }
        m = NEW_PROMPT.matcher(line);
        if (m.find()) {
            promptTokens.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return;
        }
        m = TIMING.matcher(line);
        if (m.find()) {
            timingTask = Integer.parseInt(m.group(1));
            return;
        }
        m = EVAL.matcher(line);
        if (m.find() && timingTask >= 0) {
            generated.put(timingTask, Integer.parseInt(m.group(1)));
            timingTask = -1;
        }
    }
}
