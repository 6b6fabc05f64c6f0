package dev.modelgate.catalog;

/**
 * The names of the figures under {@code metrics} in a result file: the requirement tests write
 * them, the verdict, the merge step and the report read them. A name here is part of the result
 * file's format; renaming one breaks every file written before.
 */
public final class MetricNames {

    /** The context length the server serves, in tokens. */
    public static final String CONTEXT_TOKENS = "contextTokens";
    /** Time to first token (content, reasoning or tool call), ms: p50, p90, p99, n. */
    public static final String TTFT_MS = "ttftMs";
    /** Time to the first answer token (reasoning excluded), ms. */
    public static final String TIME_TO_FIRST_ANSWER_MS = "timeToFirstAnswerMs";
    /** How much reasoning came before the answer. */
    public static final String REASONING = "reasoning";
    /** Time to the first byte of the response, ms. */
    public static final String TTFB_MS = "ttfbMs";
    /** Request start to {@code [DONE]}, ms. */
    public static final String E2E_MS = "e2eMs";
    /** Time to first token of the long prompt, ms. */
    public static final String LONG_PROMPT = "longPrompt";
    /** The voice-turn prompts' timings. */
    public static final String VOICE_TURN = "voiceTurn";
    /** Which time to first token the {@code ttft} requirement judged, and its figure. */
    public static final String TTFT_JUDGED = "ttftJudged";
    /** The request fields the performance requests carried. */
    public static final String PERFORMANCE_REQUEST_FIELDS = "performanceRequestFields";
    /** The client's figures against the server's own Prometheus histograms. */
    public static final String SERVER_CROSS_CHECK = "serverCrossCheck";
    /** Decode speed, tokens per second: p50, p90, n. */
    public static final String DECODE_TOKENS_PER_SECOND = "decodeTokensPerSecond";
    /** Inter-token latency, ms. */
    public static final String ITL_MS = "itlMs";
    /** Token usage as the server reported it. */
    public static final String USAGE = "usage";
    /** How decode speed was computed (exact or estimated). */
    public static final String DECODE_METHOD = "decodeMethod";
    /** The fastest decode the server reached, against the measured p50. */
    public static final String DECODE_CEILING = "decodeCeiling";
    /** The rows of the concurrency sweep. */
    public static final String CONCURRENCY = "concurrency";
    /** The memory the candidate holds when ready and warmed up, GiB: value, method. */
    public static final String VRAM_GIB = "vramGiB";
    /** The capacity at the SLO: capacity, unit, goodput, the stopping reason, the levels searched. */
    public static final String CAPACITY = "capacity";
    /** Tool-calling accuracy: value, passed, total, ci95. */
    public static final String TOOL_CALLING_ACCURACY = "toolCallingAccuracy";
    /** Entity-extraction F1: value, n, ci95. */
    public static final String ENTITY_F1 = "entityF1";
    /** The Kannada figures: {@link #KANNADA_ENTITY_F1} and {@link #KANNADA_NATIVE_RESPONSE} inside it. */
    public static final String KANNADA = "kannada";
    /** Inside {@link #KANNADA}: entity F1 on Kannada input. */
    public static final String KANNADA_ENTITY_F1 = "entityF1";
    /** Inside {@link #KANNADA}: the share of answers in Kannada with the key facts. */
    public static final String KANNADA_NATIVE_RESPONSE = "nativeResponse";
    /** Vision: accepted, value (pass rate), passed, total, ci95. */
    public static final String VISION = "vision";

    private MetricNames() {
    }
}
