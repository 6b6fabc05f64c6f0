package dev.modelgate.qualification;

import dev.modelgate.catalog.MetricNames;
import dev.modelgate.Evidence;
import dev.modelgate.Requirement;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.client.ChatClient;
import dev.modelgate.engine.RunningModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Requirements read from the running server itself: the context window it actually serves
 * ({@code max_model_len} in vLLM's {@code /v1/models}; Ollama's {@code context_length}). The
 * served figure wins over the declared one in the result file.
 */
public interface ServingRequirementTests {

    @Test
    @Order(200)
    @Requirement("context")
    @DisplayName("context window (served)")
    default void servedContext(RunningModel model, ChatClient client, Candidate candidate, Evidence evidence) {
        OptionalInt listed = client.servedContextLength();
        String source = "/v1/models";
        OptionalInt served = listed;
        String engineFigure = model.details().get("contextLength");
        if (listed.isEmpty() && engineFigure != null && engineFigure.matches("[0-9]+")) {
            served = OptionalInt.of(Integer.parseInt(engineFigure));
            source = model.engine() + " (" + (model.engine().equals("ollama") ? "/api/ps context_length" : "engine")
                    + ")";
        }
        Map<String, Object> figure = new LinkedHashMap<>();
        if (served.isPresent()) {
            figure.put("value", served.getAsInt());
            figure.put("source", source);
            evidence.metric(MetricNames.CONTEXT_TOKENS, figure);
            evidence.note("served context " + served.getAsInt() + " tokens, read from " + source);
            evidence.judge("served context", served.getAsInt());
        } else if (candidate.facts().contextLength() != null) {
            figure.put("value", candidate.facts().contextLength());
            figure.put("source", "declared (the server does not report its context length)");
            evidence.metric(MetricNames.CONTEXT_TOKENS, figure);
            evidence.note("the server lists no max_model_len/context_length for " + client.model()
                    + "; judging the declared context");
            evidence.judge("declared context", candidate.facts().contextLength());
        } else {
            evidence.skip("the server at " + client.baseUrl() + " does not report its context length for "
                    + client.model() + " and none is declared");
        }
    }
}
