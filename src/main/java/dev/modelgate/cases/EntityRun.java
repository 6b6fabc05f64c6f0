package dev.modelgate.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.modelgate.catalog.YamlDocuments;
import dev.modelgate.client.ChatClient;
import dev.modelgate.client.ChatRequest;
import dev.modelgate.client.Completion;
import dev.modelgate.client.ServerError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends every entity case asking for JSON through structured output
 * ({@code response_format: json_schema}); when the server rejects that with HTTP 400, asks again
 * for JSON in plain text. Scores each answer against the expected persons and places.
 */
public final class EntityRun {

    /** How the answer was asked for: structured output, or JSON in the text after a refusal. */
    public static final String JSON_SCHEMA = "json_schema";
    public static final String TEXT = "text";

    static final String ANSWER_FORMAT = "Answer with one JSON object and nothing else, in this form:"
            + " {\"persons\": [\"name\", ...], \"places\": [\"name\", ...]}. Use empty lists when there are none.";

    private EntityRun() {
    }

    /** The outcome of an entity suite. */
    public record Result(SuiteOutcome suite, List<EntityScore> scores, List<String> formats) {

        /** The pooled counts of every case (micro average). */
        public EntityScore total() {
            return scores.stream().reduce(EntityScore.ZERO, EntityScore::plus);
        }

        /** The counts of each case, its runs summed, by case id in case order. */
        public Map<String, EntityScore> byCase() {
            Map<String, EntityScore> out = new LinkedHashMap<>();
            for (int i = 0; i < scores.size(); i++) {
                out.merge(suite.outcomes().get(i).caseId(), scores.get(i), EntityScore::plus);
            }
            return out;
        }

        /** The 95 % interval of the pooled F1 (see {@link F1Interval}). */
        public Proportion.Interval interval() {
            return F1Interval.of(List.copyOf(byCase().values()));
        }

        /** How many answers were asked for in each way ({@link #JSON_SCHEMA}, {@link #TEXT}). */
        public Map<String, Integer> formatCounts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            formats.stream().filter(f -> !f.isEmpty()).forEach(f -> counts.merge(f, 1, Integer::sum));
            return counts;
        }
    }

    public static Result run(ChatClient client, List<EntityCase> cases, int concurrency) {
        return run(client, cases, concurrency, 1);
    }

    /** Every case {@code repeats} times. */
    public static Result run(ChatClient client, List<EntityCase> cases, int concurrency, int repeats) {
        List<Scored> scored = CaseExecutor.repeat(cases, repeats, concurrency, c -> one(client, c));
        return new Result(new SuiteOutcome(scored.stream().map(Scored::outcome).toList(), repeats),
                scored.stream().map(Scored::score).toList(), scored.stream().map(Scored::format).toList());
    }

    private record Scored(CaseOutcome outcome, EntityScore score, String format) {
    }

    private static Scored one(ChatClient client, EntityCase c) {
        List<String> details = new ArrayList<>();
        details.add("case: " + c.source().displayName());
        if (c.description() != null) {
            details.add("about: " + c.description());
        }
        details.add("expected persons: " + names(c.persons()));
        details.add("expected places: " + names(c.places()));
        String format = JSON_SCHEMA;
        Exchanges.Exchange exchange = Exchanges.send(client, request(c, true));
        if (exchange.error().orElse(null) instanceof ServerError e && e.status() == 400 && !e.midStream()) {
            details.add("the server rejected response_format json_schema (HTTP 400: " + e.serverMessage()
                    + "); asked for JSON in the text instead");
            format = TEXT;
            exchange = Exchanges.send(client, request(c, false));
        }
        if (exchange.error().isPresent()) {
            return new Scored(Exchanges.failure(c.id(), exchange.requestJson(), exchange.error().get(), details),
                    EntityScorer.unanswered(c), "");
        }
        Completion answer = exchange.completion().orElseThrow();
        Optional<ExtractedEntities> extracted = ExtractedEntities.parse(answer.content());
        EntityScore score = extracted.map(e -> EntityScorer.score(c, e)).orElseGet(() -> EntityScorer.unanswered(c));
        String summary = summary(score);
        CaseOutcome.Status status;
        if (extracted.isEmpty()) {
            status = CaseOutcome.Status.UNPARSED;
            summary = "no JSON object with persons/places in the answer; " + summary;
        } else {
            status = score.falsePositives() == 0 && score.falseNegatives() == 0 ? CaseOutcome.Status.PASSED
                    : CaseOutcome.Status.FAILED;
        }
        details.add("asked with: " + format);
        details.add(summary);
        String response = Exchanges.response(answer);
        return new Scored(new CaseOutcome(c.id(), status, summary, details, exchange.requestJson(), response,
                Optional.empty(), List.of()), score, format);
    }

    static ChatRequest request(EntityCase c, boolean structured) {
        ChatRequest r = ChatRequest.user(c.instruction() + "\n\n" + ANSWER_FORMAT + "\n\nText:\n" + c.text())
                .maxTokens(c.maxTokens()).temperature(c.temperature());
        if (structured) {
            r.responseFormat(responseFormat());
        }
        return r;
    }

    /** {@code response_format} asking for {@code {"persons": [string], "places": [string]}}. */
    static ObjectNode responseFormat() {
        ObjectNode format = YamlDocuments.JSON.createObjectNode().put("type", "json_schema");
        ObjectNode spec = format.putObject("json_schema").put("name", "entities").put("strict", true);
        ObjectNode schema = spec.putObject("schema").put("type", "object").put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        for (String field : List.of("persons", "places")) {
            properties.putObject(field).put("type", "array").putObject("items").put("type", "string");
        }
        schema.putArray("required").add("persons").add("places");
        return format;
    }

    static String summary(EntityScore s) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "F1 %.2f (precision %.2f, recall %.2f)",
                s.f1(), s.precision(), s.recall()));
        if (!s.missed().isEmpty()) {
            out.append("; missed: ").append(String.join(", ", s.missed()));
        }
        if (!s.spurious().isEmpty()) {
            out.append("; not expected: ").append(String.join(", ", s.spurious()));
        }
        return out.toString();
    }

    private static String names(List<ExpectedEntity> entities) {
        return entities.isEmpty() ? "(none)" : String.join(", ", entities.stream().map(ExpectedEntity::name).toList());
    }
}
