package dev.modelgate.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output the simulator generates for one request: a sequence of tokens (reasoning, content,
 * tool-call names and argument fragments), the finish reason, and how the tokens are grouped
 * into stream events. Token {@code i} is due at {@code ttft + i·interTokenMs}; an event is due
 * when its last token is.
 */
final class Reply {

    /** What a token belongs to. */
    enum Kind { REASONING, CONTENT, TOOL_NAME, TOOL_ARGUMENTS }

    /** One output token; {@code call} is the tool call index for tool tokens. */
    record Token(Kind kind, int call, String text) {
    }

    /** A tool call with the id the simulator gave it. */
    record Call(int index, String id, String name, String arguments) {
    }

    /** Tokens {@code [from, to)} sent together in one event. */
    record Event(int from, int to) {
        int last() {
            return to - 1;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\s*\\S{1,4}\\s*$|\\s*\\S{1,4}");
    private static final String[] THOUGHT = {" Let", " me", " think", " about", " what", " is", " asked", " here", "."};
    private static final String[] FILLER = {" The", " quick", " brown", " fox", " jumps", " over", " the", " lazy",
        " dog", " and", " runs", " far", " away", " into", " a", " field"};

    final List<Token> tokens;
    final List<Call> calls;
    final String finishReason;

    private Reply(List<Token> tokens, List<Call> calls, String finishReason) {
        this.tokens = List.copyOf(tokens);
        this.calls = List.copyOf(calls);
        this.finishReason = finishReason;
    }

    /**
     * Plans the reply to {@code request}: the scripted answer for the last user text (or filler of
     * {@code outputTokens}), then {@code max_tokens}, {@code min_tokens} and {@code ignore_eos}.
     */
    static Reply plan(SimScript script, JsonNode request, String lastUserText, int maxTokens) {
        SimScript.Answer answer = script.answerFor(lastUserText).orElse(null);
        List<Token> natural = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        boolean thinking = request.path("chat_template_kwargs").path("enable_thinking").asBoolean(true);
        if (thinking && (answer == null || answer.reasoning() == null)) {
            for (int i = 0; i < script.reasoningTokens(); i++) {
                natural.add(new Token(Kind.REASONING, -1, THOUGHT[i % THOUGHT.length]));
            }
        }
        if (answer != null) {
            split(answer.reasoning(), Kind.REASONING, -1, natural);
            String text = answer.content();
            String format = request.path("response_format").path("type").asText("");
            if (answer.json() != null && (format.equals("json_schema") || format.equals("json_object"))) {
                text = answer.json().toString();
            }
            split(text, Kind.CONTENT, -1, natural);
            for (SimScript.ScriptedCall c : answer.toolCalls()) {
                int index = calls.size();
                String arguments = c.arguments() == null ? "{}" : c.arguments().toString();
                calls.add(new Call(index, "chatcmpl-tool-" + hex(), c.name(), arguments));
                natural.add(new Token(Kind.TOOL_NAME, index, c.name()));
                split(arguments, Kind.TOOL_ARGUMENTS, index, natural);
            }
        }
        if (natural.stream().noneMatch(t -> t.kind() != Kind.REASONING)) {
            for (int i = 0; i < script.outputTokens(); i++) {
                natural.add(new Token(Kind.CONTENT, -1, FILLER[i % FILLER.length]));
            }
        }
        boolean ignoreEos = request.path("ignore_eos").asBoolean(false);
        int minTokens = request.path("min_tokens").asInt(0);
        int target = ignoreEos ? maxTokens : Math.min(maxTokens, Math.max(natural.size(), minTokens));
        List<Token> out = new ArrayList<>(natural.subList(0, Math.min(target, natural.size())));
        if (calls.isEmpty()) {
            for (int i = 0; out.size() < target; i++) {
                out.add(new Token(Kind.CONTENT, -1, FILLER[i % FILLER.length]));
            }
        }
        boolean truncated = out.size() < natural.size() || (ignoreEos && out.size() == maxTokens);
        // vLLM ends with "tool_calls" for tool_choice auto/required, but "stop" for a named function.
        boolean named = request.path("tool_choice").isObject();
        String finish = truncated ? "length" : calls.isEmpty() || named ? "stop" : "tool_calls";
        int complete = (int) out.stream().filter(t -> t.kind() == Kind.TOOL_NAME).count();
        return new Reply(out, calls.subList(0, complete), finish);
    }

    private static void split(String text, Kind kind, int call, List<Token> into) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Matcher m = TOKEN.matcher(text);
        int end = 0;
        while (m.find()) {
            into.add(new Token(kind, call, m.group()));
            end = m.end();
        }
        if (end == 0) { // whitespace only: one token
            into.add(new Token(kind, call, text));
        }
    }

    private static String hex() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    int completionTokens() {
        return tokens.size();
    }

    /**
     * Groups the tokens into events: the first token alone (unless {@code firstAlone} is false),
     * then up to {@code perEvent} tokens of the same kind (and call) per event; a tool call's name
     * always starts an event of its own. With {@code wholeCalls} (Ollama) each tool call, name and
     * arguments, is one event.
     */
    List<Event> events(int perEvent, boolean wholeCalls) {
        return events(perEvent, wholeCalls, true);
    }

    List<Event> events(int perEvent, boolean wholeCalls, boolean firstAlone) {
        List<Event> events = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Token first = tokens.get(i);
            int end = i + 1;
            if (wholeCalls && first.kind() == Kind.TOOL_NAME) {
                while (end < tokens.size() && tokens.get(end).kind() == Kind.TOOL_ARGUMENTS
                        && tokens.get(end).call() == first.call()) {
                    end++;
                }
            } else if ((i > 0 || !firstAlone) && first.kind() != Kind.TOOL_NAME) {
                while (end < tokens.size() && end - i < perEvent && sameRun(first, tokens.get(end))) {
                    end++;
                }
            }
            events.add(new Event(i, end));
            i = end;
        }
        return events;
    }

    private static boolean sameRun(Token a, Token b) {
        return a.kind() == b.kind() && a.call() == b.call();
    }

    /** The concatenated text of one kind (for non-streaming answers). */
    String text(Kind kind) {
        StringBuilder sb = new StringBuilder();
        tokens.stream().filter(t -> t.kind() == kind).forEach(t -> sb.append(t.text()));
        return sb.toString();
    }
}
