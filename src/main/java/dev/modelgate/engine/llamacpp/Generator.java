package dev.modelgate.engine.llamacpp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import java.io.IOException;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Runs chat completions on a loaded llama.cpp model: applies the model's chat template (llama.cpp
 * falls back to ChatML when the file has none), checks the context window, streams every piece
 * of generated text to a sink as soon as llama.cpp hands it out, and counts the tokens for the
 * usage figures. Thread-safe: llama.cpp queues concurrent requests onto its slots.
 */
final class Generator {

    /** How long to wait for llama.cpp's log line with a finished task's token count. */
    private static final Duration COUNT_WAIT = Duration.ofSeconds(2);

    private final LlamaModel model;
    private final NativeLog log;
    private final int contextSize;
    private volatile int bosTokens = 1;
    /** Whether llama.cpp's log gives token counts here (checked once by {@link #warmUp()}). */
    private volatile boolean countsLogged = true;

    Generator(LlamaModel model, NativeLog log, int contextSize) {
        this.model = model;
        this.log = log;
        this.contextSize = contextSize;
    }

    int contextSize() {
        return contextSize;
    }

    /** Receives generated text as it comes. */
    interface Sink {
        void text(String piece) throws IOException;
    }

    /**
     * How a completion ended.
     *
     * @param finishReason     {@code stop} (end of sequence or a stop string) or {@code length}
     * @param completionTokens tokens generated, as llama.cpp counted them (see {@link NativeLog})
     */
    record Outcome(String text, String finishReason, int promptTokens, int completionTokens) {
    }

    /**
     * Runs one generation before the server opens: it loads the weights into the caches, and
     * tells how many tokens llama.cpp adds to a prompt (the beginning-of-sequence token) beyond
     * what {@link LlamaModel#encode} returns.
     */
    void warmUp() {
        String prompt = "Hello";
        LlamaIterator it = model.generate(new InferenceParameters(prompt).setNPredict(1)).iterator();
        int task = taskId(it);
        while (it.hasNext()) {
            it.next();
        }
        countsLogged = task >= 0 && log.generatedTokens(task, COUNT_WAIT, false).isPresent();
        if (!countsLogged) {
            System.err.println("modelgate llama.cpp server: llama.cpp's log shows no token counts; completion tokens"
                    + " are counted from the text pieces (a token that ends inside a UTF-8 character is then merged"
                    + " with the next)");
        }
        OptionalInt logged = log.promptTokens(task);
        if (logged.isPresent()) {
            bosTokens = Math.max(0, logged.getAsInt() - model.encode(prompt).length);
        }
        log.generatedTokens(task, Duration.ZERO); // forget the warm-up task
    }

    /**
     * Starts generating the completion for {@code request}. Everything that can make the request
     * fail is checked here, before a response is begun.
     *
     * @throws ApiError when the request does not fit the context window or llama.cpp refuses it
     */
    Generation start(CompletionRequest request) {
        String prompt = prompt(request);
        int promptTokens = model.encode(prompt).length + bosTokens;
        int maxTokens = checkContext(request, promptTokens);
        try {
            LlamaIterator it = model.generate(parameters(request, prompt, maxTokens)).iterator();
            return new Generation(request, it, promptTokens, maxTokens);
        } catch (RuntimeException e) {
            throw refused(e);
        }
    }

    /** One completion being generated. */
    final class Generation {
        private final CompletionRequest request;
        private final LlamaIterator it;
        private final int task;
        private final int promptTokens;
        private final int maxTokens;

        private Generation(CompletionRequest request, LlamaIterator it, int promptTokens, int maxTokens) {
            this.request = request;
            this.it = it;
            this.task = taskId(it);
            this.promptTokens = promptTokens;
            this.maxTokens = maxTokens;
        }

        /** Stops generating (the response cannot be delivered). */
        void cancel() {
            if (it.hasNext()) {
                it.cancel();
            }
        }

        /**
         * Passes the generated text to {@code sink} piece by piece as llama.cpp hands it out.
         *
         * @throws ApiError    when llama.cpp fails during generation
         * @throws IOException when the sink fails (the client went away); generation is cancelled
         */
        Outcome stream(Sink sink) throws IOException {
            StopStrings stops = new StopStrings(request.stop());
            StringBuilder text = new StringBuilder();
            int pieces = 0;
            try {
                while (it.hasNext()) {
                    LlamaOutput out = it.next();
                    if (it.hasNext()) {
                        pieces++; // every result before the final one is one processed token
                    }
                    String send = stops.accept(out.text);
                    if (!send.isEmpty()) {
                        text.append(send);
                        sink.text(send);
                    }
                    if (stops.stopped()) {
                        it.cancel();
                        return new Outcome(text.toString(), "stop", promptTokens, pieces);
                    }
                }
                String rest = stops.flush();
                if (!rest.isEmpty()) {
                    text.append(rest);
                    sink.text(rest);
                }
            } catch (IOException e) {
                cancel();
                throw e;
            } catch (RuntimeException e) {
                cancel();
                throw refused(e);
            }
            int prompted = countsLogged ? log.promptTokens(task).orElse(promptTokens) : promptTokens;
            int generated = countsLogged ? log.generatedTokens(task, COUNT_WAIT).orElse(pieces) : pieces;
            String finish = !request.ignoreEos() && generated < maxTokens ? "stop" : "length";
            return new Outcome(text.toString(), finish, prompted, generated);
        }
    }

    /** The prompt: the messages through the model's chat template (ChatML when the file has none). */
    String prompt(CompletionRequest request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("messages", request.messages());
        try {
            return model.applyTemplate(body.toString());
        } catch (RuntimeException e) {
            if (!fromLlama(e)) {
                throw e;
            }
            throw ApiError.badRequest("the chat template cannot format these messages: " + e.getMessage(), "messages");
        }
    }

    private int checkContext(CompletionRequest request, int promptTokens) {
        if (promptTokens >= contextSize) {
            throw ApiError.badRequest("This model's maximum context length is " + contextSize + " tokens. However,"
                    + " your request has " + promptTokens + " input tokens. Please reduce the length of the input"
                    + " messages.", "messages");
        }
        int room = contextSize - promptTokens;
        if (request.maxTokens().isPresent() && request.maxTokens().getAsInt() > room) {
            int asked = request.maxTokens().getAsInt();
            throw ApiError.badRequest("'max_tokens' or 'max_completion_tokens' is too large: " + asked + ". This"
                    + " model's maximum context length is " + contextSize + " tokens and your request has "
                    + promptTokens + " input tokens (" + asked + " > " + contextSize + " - " + promptTokens + ").",
                    "max_tokens");
        }
        return request.maxTokens().orElse(room);
    }

    private static InferenceParameters parameters(CompletionRequest r, String prompt, int maxTokens) {
        InferenceParameters p = new InferenceParameters(prompt).setNPredict(maxTokens).setIgnoreEos(r.ignoreEos());
        r.temperature().ifPresent(t -> p.setTemperature((float) t));
        r.topP().ifPresent(t -> p.setTopP((float) t));
        r.topK().ifPresent(p::setTopK);
        r.minP().ifPresent(t -> p.setMinP((float) t));
        r.presencePenalty().ifPresent(t -> p.setPresencePenalty((float) t));
        r.frequencyPenalty().ifPresent(t -> p.setFrequencyPenalty((float) t));
        r.repetitionPenalty().ifPresent(t -> p.setRepeatPenalty((float) t));
        r.seed().ifPresent(p::setSeed);
        r.jsonSchema().ifPresent(schema -> RawParameters.put(p, "json_schema", schema));
        return p;
    }

    /** Whether {@code e} is the binding's own exception (its class is not public). */
    private static boolean fromLlama(RuntimeException e) {
        return e.getClass().getName().equals("de.kherud.llama.LlamaException");
    }

    /** llama.cpp's refusal as a 400 quoting llama.cpp; other exceptions pass unchanged. */
    private static RuntimeException refused(RuntimeException e) {
        if (!fromLlama(e)) {
            return e;
        }
        String message = e.getMessage();
        try {
            var error = new com.fasterxml.jackson.databind.ObjectMapper().readTree(message);
            if (error != null && error.has("message")) {
                return new ApiError(error.path("code").asInt(400), "BadRequestError", error.get("message").asText(),
                        null);
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: quoted as it is
        }
        return ApiError.badRequest("llama.cpp refused the request: " + message, null);
    }

    /** The llama.cpp task id behind an iterator; -1 when the binding hides it (counts then come from the text). */
    static int taskId(LlamaIterator it) {
        try {
            Field f = LlamaIterator.class.getDeclaredField("taskId");
            f.setAccessible(true);
            return f.getInt(it);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Sets request fields that {@link InferenceParameters} has no setter for. The JSON schema goes
     * to llama.cpp as the request's {@code json_schema}: llama.cpp converts it to a grammar with
     * the converter behind {@link LlamaModel#jsonSchemaToGrammar} but inside its request error
     * handling, so a schema it cannot convert is a 400. Calling {@code jsonSchemaToGrammar}
     * directly with such a schema aborts the whole process (the C++ exception is not caught).
     */
    static final class RawParameters {
        private RawParameters() {
        }

        @SuppressWarnings("unchecked")
        static void put(InferenceParameters params, String key, String json) {
            try {
                Field f = Class.forName("de.kherud.llama.JsonParameters").getDeclaredField("parameters");
                f.setAccessible(true);
                ((Map<String, String>) f.get(params)).put(key, json);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw ApiError.badRequest("structured output is not available with this version of de.kherud:llama"
                        + " (" + e + ")", "response_format");
            }
        }
    }
}
