package dev.modelgate.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the simulator does, exactly: its timing, its answers and its faults. Immutable; built with
 * {@link #builder()} or the {@code with…} methods, or read from JSON with {@link #load(Path)}
 * (absent fields keep their defaults; unknown fields are an error, so a typo cannot silently
 * leave a default in place).
 *
 * <p>Timing model: output token {@code i} (0-based) is generated at
 * {@code receipt + ttftMs + i·interTokenMs}. The first token goes out alone (as vLLM sends the
 * prefill's token at once) unless {@code firstTokenAlone} is false; later tokens go out
 * {@code tokensPerEvent} to an event, each event at the time of its last token. So the tokens after
 * the first event over the time from it to the last event is exactly {@code 1000 / interTokenMs}
 * however the tokens are grouped.
 *
 * @param servedName      the model id served ({@code --served-model-name} overrides it in process mode)
 * @param dialect         {@code vllm} or {@code ollama}
 * @param version         what {@code /version} (and Ollama's {@code /api/version}) answers
 * @param ttftMs          request receipt → first output token
 * @param interTokenMs    time between two consecutive output tokens
 * @param tokensPerEvent  output tokens per SSE event after the first
 * @param firstTokenAlone true (default): the first token goes out alone, as vLLM sends the prefill's
 *                        token; false: the first event holds {@code tokensPerEvent} tokens too (speculative
 *                        decoding, {@code --stream-interval}, a proxy that re-chunks)
 * @param reasoningTokens reasoning tokens streamed before the answer of every request that has no
 *                        scripted reasoning, unless the request sets
 *                        {@code chat_template_kwargs.enable_thinking: false} (as Qwen3 and Nemotron templates do)
 * @param continuousUsage true (default): honours {@code stream_options.continuous_usage_stats}, putting
 *                        the cumulative usage in every chunk as vLLM does; false: ignores it
 * @param roleChunkLeadMs when {@code > 0}, the empty role chunk goes out this long before the first
 *                        token; otherwise at receipt
 * @param outputTokens    answer length when no scripted answer applies (capped by {@code max_tokens})
 * @param maxModelLen     context length; prompts are counted at about 4 characters per token
 * @param kvCacheTokens   KV cache size reported by the start-up log and used for {@code kv_cache_usage_perc}
 * @param maxRunning      requests served at once; more wait (as {@code num_requests_waiting}); 0 = no limit
 * @param acceptsImages   false: a message with {@code image_url} parts is refused with HTTP 400
 * @param acceptsIgnoreEos false: {@code ignore_eos} / {@code min_tokens} are refused with HTTP 400
 *                        (a strict OpenAI-compatible server); true: honoured, as vLLM does
 * @param reasoningField  {@code reasoning} (newer vLLM) or {@code reasoning_content} (older)
 * @param splitToolCallDeltas true: an event with several argument fragments holds one entry per
 *                        fragment for the same index (vLLM does this at times); false: one entry
 * @param sendsUsage      false: no usage chunk even when {@code stream_options.include_usage} asks
 *                        for one (a server that ignores the option)
 * @param apiKey          when set, {@code /v1/*} requires {@code Authorization: Bearer <key>}
 * @param answers         scripted answers; the first whose {@code match} finds the last user text wins
 * @param startupLog      lines printed on stdout while booting (process mode)
 * @param faults          injected failures
 * @param ollama          what the Ollama dialect's {@code /api/*} endpoints report
 * @param capacity        a known capacity: above it every request waits a scripted time before it
 *                        is served (none by default)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(builder = SimScript.Builder.class)
public record SimScript(
        String servedName,
        String dialect,
        String version,
        double ttftMs,
        double interTokenMs,
        int tokensPerEvent,
        boolean firstTokenAlone,
        int reasoningTokens,
        boolean continuousUsage,
        double roleChunkLeadMs,
        int outputTokens,
        int maxModelLen,
        int kvCacheTokens,
        int maxRunning,
        boolean acceptsImages,
        boolean acceptsIgnoreEos,
        String reasoningField,
        boolean splitToolCallDeltas,
        boolean sendsUsage,
        String apiKey,
        List<Answer> answers,
        List<String> startupLog,
        Faults faults,
        Ollama ollama,
        Capacity capacity) {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Log lines shaped like vLLM's, with the figures the memory probes parse. */
    public static final List<String> VLLM_STARTUP_LOG = List.of(
            "INFO 01-01 00:00:01 [api_server.py:1] vLLM API server version 0.12.0-sim",
            "INFO 01-01 00:00:05 [gpu_model_runner.py:1] Model loading took 8.21 GiB memory and 12.3 seconds",
            "INFO 01-01 00:00:09 [gpu_worker.py:1] Available KV cache memory: 1.9 GiB",
            "INFO 01-01 00:00:09 [kv_cache_utils.py:1] GPU KV cache size: 12,345 tokens",
            "INFO 01-01 00:00:09 [kv_cache_utils.py:1] Maximum concurrency for 4,096 tokens per request: 3.01x");

    public SimScript {
        if (!"vllm".equals(dialect) && !"ollama".equals(dialect)) {
            throw new IllegalArgumentException("dialect must be 'vllm' or 'ollama', not '" + dialect + "'");
        }
        if (!"reasoning".equals(reasoningField) && !"reasoning_content".equals(reasoningField)) {
            throw new IllegalArgumentException("reasoningField must be 'reasoning' or 'reasoning_content'");
        }
        if (tokensPerEvent < 1 || reasoningTokens < 0 || interTokenMs < 0 || ttftMs < 0 || outputTokens < 0 || maxModelLen < 1) {
            throw new IllegalArgumentException("tokensPerEvent >= 1, interTokenMs >= 0, ttftMs >= 0, outputTokens >= 0"
                    + " and maxModelLen >= 1 are required");
        }
        answers = answers == null ? List.of() : List.copyOf(answers);
        startupLog = startupLog == null ? VLLM_STARTUP_LOG : List.copyOf(startupLog);
        faults = faults == null ? Faults.NONE : faults;
        ollama = ollama == null ? Ollama.DEFAULTS : ollama;
        capacity = capacity == null ? Capacity.UNLIMITED : capacity;
    }

    public static SimScript defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads a script from a JSON file; absent fields keep their defaults. */
    public static SimScript load(Path file) {
        try {
            return JSON.readValue(file.toFile(), SimScript.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulator script " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes this script as JSON, readable by {@link #load(Path)}. */
    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public SimScript withServedName(String name) {
        return toBuilder().servedName(name).build();
    }

    public SimScript withDialect(String d) {
        return toBuilder().dialect(d).build();
    }

    public SimScript withTtftMs(double ms) {
        return toBuilder().ttftMs(ms).build();
    }

    public SimScript withInterTokenMs(double ms) {
        return toBuilder().interTokenMs(ms).build();
    }

    public SimScript withTokensPerEvent(int k) {
        return toBuilder().tokensPerEvent(k).build();
    }

    public SimScript withFirstTokenAlone(boolean alone) {
        return toBuilder().firstTokenAlone(alone).build();
    }

    public SimScript withReasoningTokens(int n) {
        return toBuilder().reasoningTokens(n).build();
    }

    public SimScript withContinuousUsage(boolean honoured) {
        return toBuilder().continuousUsage(honoured).build();
    }

    public SimScript withRoleChunkLeadMs(double ms) {
        return toBuilder().roleChunkLeadMs(ms).build();
    }

    public SimScript withOutputTokens(int n) {
        return toBuilder().outputTokens(n).build();
    }

    public SimScript withMaxModelLen(int n) {
        return toBuilder().maxModelLen(n).build();
    }

    public SimScript withMaxRunning(int n) {
        return toBuilder().maxRunning(n).build();
    }

    public SimScript withAcceptsImages(boolean accepts) {
        return toBuilder().acceptsImages(accepts).build();
    }

    public SimScript withAcceptsIgnoreEos(boolean accepts) {
        return toBuilder().acceptsIgnoreEos(accepts).build();
    }

    public SimScript withReasoningField(String field) {
        return toBuilder().reasoningField(field).build();
    }

    public SimScript withSplitToolCallDeltas(boolean split) {
        return toBuilder().splitToolCallDeltas(split).build();
    }

    public SimScript withSendsUsage(boolean sends) {
        return toBuilder().sendsUsage(sends).build();
    }

    public SimScript withApiKey(String key) {
        return toBuilder().apiKey(key).build();
    }

    public SimScript withAnswers(Answer... rules) {
        return toBuilder().answers(Arrays.asList(rules)).build();
    }

    public SimScript withStartupLog(List<String> lines) {
        return toBuilder().startupLog(lines).build();
    }

    public SimScript withFaults(Faults f) {
        return toBuilder().faults(f).build();
    }

    /** Above {@code concurrent} requests being generated, each new request waits {@code queueDelayMs} per request over. */
    public SimScript withCapacity(int concurrent, double queueDelayMs) {
        return toBuilder().capacity(new Capacity(concurrent, queueDelayMs)).build();
    }

    public boolean ollamaDialect() {
        return "ollama".equals(dialect);
    }

    /** The first answer whose pattern is found in {@code lastUserText}, if any. */
    public java.util.Optional<Answer> answerFor(String lastUserText) {
        return answers.stream().filter(a -> a.matches(lastUserText)).findFirst();
    }

    /**
     * A scripted answer.
     *
     * @param match     a regular expression searched for in the last user message's text; null matches all
     * @param content   the answer text
     * @param reasoning reasoning text streamed before the content
     * @param toolCalls calls streamed after the content
     * @param json      the object returned instead of {@code content} when the request asks for
     *                  {@code response_format} {@code json_schema} or {@code json_object}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(String match, String content, String reasoning, List<ScriptedCall> toolCalls,
                         JsonNode json) {

        public Answer {
            toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        }

        public static Answer content(String match, String content) {
            return new Answer(match, content, null, null, null);
        }

        public static Answer toolCalls(String match, ScriptedCall... calls) {
            return new Answer(match, null, null, List.of(calls), null);
        }

        public Answer withReasoning(String text) {
            return new Answer(match, content, text, toolCalls, json);
        }

        public Answer withJson(JsonNode object) {
            return new Answer(match, content, reasoning, toolCalls, object);
        }

        boolean matches(String text) {
            return match == null || Pattern.compile(match, Pattern.DOTALL).matcher(text).find();
        }
    }

    /** A tool call the simulator makes; {@code arguments} is a JSON object. */
    public record ScriptedCall(String name, JsonNode arguments) {

        public static ScriptedCall of(String name, String argumentsJson) {
            try {
                return new ScriptedCall(name, JSON.readTree(argumentsJson));
            } catch (IOException e) {
                throw new IllegalArgumentException("arguments of " + name + " are not JSON: " + argumentsJson, e);
            }
        }
    }

    /**
     * Injected failures. Request numbers count chat completion requests from 1; 0 means never.
     *
     * @param bootDelayMs     the port is not bound before this (the start-up log is printed meanwhile)
     * @param exitDuringBoot  process mode: print the start-up log, then exit with a code
     * @param neverReady      {@code /health} answers 503 for ever
     * @param crashAtRequest  the server dies in the middle of that request's stream (process mode: the
     *                        process halts; in-process: every connection is dropped and the port closed)
     * @param http500AtRequest that request gets HTTP 500
     * @param midStreamErrorAtRequest that request's stream carries an error event after the first token
     * @param malformedEventAtRequest that request's stream carries a data line that is not JSON
     * @param stallAtRequest  that request's stream sends its first token, then nothing (the connection stays open)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Faults(long bootDelayMs, ExitDuringBoot exitDuringBoot, boolean neverReady, int crashAtRequest,
                         int http500AtRequest, int midStreamErrorAtRequest, int malformedEventAtRequest,
                         int stallAtRequest) {

        public static final Faults NONE = new Faults(0, null, false, 0, 0, 0, 0, 0);

        public static Faults bootDelay(long ms) {
            return new Faults(ms, null, false, 0, 0, 0, 0, 0);
        }

        public static Faults exitDuringBoot(long afterMs, int code, String message) {
            return new Faults(0, new ExitDuringBoot(afterMs, code, message), false, 0, 0, 0, 0, 0);
        }

        public static Faults neverReadyServer() {
            return new Faults(0, null, true, 0, 0, 0, 0, 0);
        }

        public static Faults crashAt(int request) {
            return new Faults(0, null, false, request, 0, 0, 0, 0);
        }

        public static Faults http500At(int request) {
            return new Faults(0, null, false, 0, request, 0, 0, 0);
        }

        public static Faults midStreamErrorAt(int request) {
            return new Faults(0, null, false, 0, 0, request, 0, 0);
        }

        public static Faults malformedEventAt(int request) {
            return new Faults(0, null, false, 0, 0, 0, request, 0);
        }

        public static Faults stallAt(int request) {
            return new Faults(0, null, false, 0, 0, 0, 0, request);
        }
    }

    /** Exit {@code afterMs} after start with {@code code}, printing {@code message} (if any) as the last log line. */
    public record ExitDuringBoot(long afterMs, int code, String message) {
    }

    /**
     * What the Ollama endpoints report about the served model.
     *
     * @param capabilities e.g. {@code ["completion", "tools", "vision"]}
     * @param pulled       whether the model is there at start (default true); if not, {@code /api/show}
     *                     and chat answer 404 and {@code /api/tags} is empty until {@code /api/pull}
     * @param loaded       whether the model is in memory at start (default true); if not,
     *                     {@code /api/ps} is empty until a chat request or {@code /api/generate} loads it
     */
    public record Ollama(long sizeBytes, long sizeVramBytes, List<String> capabilities, String architecture,
                         Boolean pulled, Boolean loaded) {

        public static final Ollama DEFAULTS = new Ollama(9_800_000_000L, 9_800_000_000L,
                List.of("completion", "tools"), "gemma3");

        public Ollama {
            capabilities = capabilities == null ? List.of("completion") : List.copyOf(capabilities);
            architecture = architecture == null ? "llama" : architecture;
            pulled = pulled == null ? Boolean.TRUE : pulled;
            loaded = loaded == null ? Boolean.TRUE : loaded;
        }

        public Ollama(long sizeBytes, long sizeVramBytes, List<String> capabilities, String architecture) {
            this(sizeBytes, sizeVramBytes, capabilities, architecture, null, null);
        }

        /** The same model, not yet pulled nor loaded: a fresh Ollama installation. */
        public Ollama notPulled() {
            return new Ollama(sizeBytes, sizeVramBytes, capabilities, architecture, false, false);
        }
    }

    /**
     * A server that serves {@code concurrent} requests at full speed and queues the rest: a request
     * that arrives while {@code n > concurrent} requests (itself included) are being generated waits
     * {@code (n − concurrent) · queueDelayMs} before its clock starts, so its TTFT (and every later
     * event) is that much later. {@code concurrent = 0}: no limit.
     */
    public record Capacity(int concurrent, double queueDelayMs) {

        public static final Capacity UNLIMITED = new Capacity(0, 0);

        public Capacity {
            if (concurrent < 0 || queueDelayMs < 0) {
                throw new IllegalArgumentException("capacity.concurrent >= 0 and capacity.queueDelayMs >= 0 are required");
            }
        }

        /** The wait of a request that arrives with {@code generating} requests being generated, itself included. */
        public long queueDelayNanos(int generating) {
            return concurrent == 0 || generating <= concurrent ? 0
                    : Math.round((generating - concurrent) * queueDelayMs * 1_000_000.0);
        }
    }

    /** Builds a script; every field starts at its default. */
    @JsonPOJOBuilder(withPrefix = "")
    public static final class Builder {
        private String servedName = "sim-model";
        private String dialect = "vllm";
        private String version = "0.12.0-sim";
        private double ttftMs = 20;
        private double interTokenMs = 5;
        private int tokensPerEvent = 1;
        private boolean firstTokenAlone = true;
        private int reasoningTokens;
        private boolean continuousUsage = true;
        private double roleChunkLeadMs;
        private int outputTokens = 16;
        private int maxModelLen = 4096;
        private int kvCacheTokens = 12_345;
        private int maxRunning;
        private boolean acceptsImages = true;
        private boolean acceptsIgnoreEos = true;
        private String reasoningField = "reasoning";
        private boolean splitToolCallDeltas;
        private boolean sendsUsage = true;
        private String apiKey;
        private List<Answer> answers = List.of();
        private List<String> startupLog = VLLM_STARTUP_LOG;
        private Faults faults = Faults.NONE;
        private Ollama ollama = Ollama.DEFAULTS;
        private Capacity capacity = Capacity.UNLIMITED;

        Builder() {
        }

        Builder(SimScript s) {
            servedName = s.servedName;
            dialect = s.dialect;
            version = s.version;
            ttftMs = s.ttftMs;
            interTokenMs = s.interTokenMs;
            tokensPerEvent = s.tokensPerEvent;
            firstTokenAlone = s.firstTokenAlone;
            reasoningTokens = s.reasoningTokens;
            continuousUsage = s.continuousUsage;
            roleChunkLeadMs = s.roleChunkLeadMs;
            outputTokens = s.outputTokens;
            maxModelLen = s.maxModelLen;
            kvCacheTokens = s.kvCacheTokens;
            maxRunning = s.maxRunning;
            acceptsImages = s.acceptsImages;
            acceptsIgnoreEos = s.acceptsIgnoreEos;
            reasoningField = s.reasoningField;
            splitToolCallDeltas = s.splitToolCallDeltas;
            sendsUsage = s.sendsUsage;
            apiKey = s.apiKey;
            answers = s.answers;
            startupLog = s.startupLog;
            faults = s.faults;
            ollama = s.ollama;
            capacity = s.capacity;
        }

        public Builder servedName(String v) {
            servedName = v;
            return this;
        }

        public Builder dialect(String v) {
            dialect = v;
            return this;
        }

        public Builder version(String v) {
            version = v;
            return this;
        }

        public Builder ttftMs(double v) {
            ttftMs = v;
            return this;
        }

        public Builder interTokenMs(double v) {
            interTokenMs = v;
            return this;
        }

        public Builder tokensPerEvent(int v) {
            tokensPerEvent = v;
            return this;
        }

        public Builder firstTokenAlone(boolean v) {
            firstTokenAlone = v;
            return this;
        }

        public Builder reasoningTokens(int v) {
            reasoningTokens = v;
            return this;
        }

        public Builder continuousUsage(boolean v) {
            continuousUsage = v;
            return this;
        }

        public Builder roleChunkLeadMs(double v) {
            roleChunkLeadMs = v;
            return this;
        }

        public Builder outputTokens(int v) {
            outputTokens = v;
            return this;
        }

        public Builder maxModelLen(int v) {
            maxModelLen = v;
            return this;
        }

        public Builder kvCacheTokens(int v) {
            kvCacheTokens = v;
            return this;
        }

        public Builder maxRunning(int v) {
            maxRunning = v;
            return this;
        }

        public Builder acceptsImages(boolean v) {
            acceptsImages = v;
            return this;
        }

        public Builder acceptsIgnoreEos(boolean v) {
            acceptsIgnoreEos = v;
            return this;
        }

        public Builder reasoningField(String v) {
            reasoningField = v;
            return this;
        }

        public Builder splitToolCallDeltas(boolean v) {
            splitToolCallDeltas = v;
            return this;
        }

        public Builder sendsUsage(boolean v) {
            sendsUsage = v;
            return this;
        }

        public Builder apiKey(String v) {
            apiKey = v;
            return this;
        }

        public Builder answers(List<Answer> v) {
            answers = v;
            return this;
        }

        public Builder startupLog(List<String> v) {
            startupLog = v;
            return this;
        }

        public Builder faults(Faults v) {
            faults = v;
            return this;
        }

        public Builder ollama(Ollama v) {
            ollama = v;
            return this;
        }

        public Builder capacity(Capacity v) {
            capacity = v;
            return this;
        }

        public SimScript build() {
            return new SimScript(servedName, dialect, version, ttftMs, interTokenMs, tokensPerEvent, firstTokenAlone,
                    reasoningTokens, continuousUsage, roleChunkLeadMs,
                    outputTokens, maxModelLen, kvCacheTokens, maxRunning, acceptsImages, acceptsIgnoreEos,
                    reasoningField, splitToolCallDeltas, sendsUsage, apiKey, answers, startupLog, faults, ollama,
                    capacity);
        }
    }
}
