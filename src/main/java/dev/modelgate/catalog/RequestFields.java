package dev.modelgate.catalog;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Request fields a candidate file sets for its runs ({@code requestFields:}), merged into every
 * request of that kind: e.g. {@code chat_template_kwargs: {enable_thinking: false}} so that the
 * performance suite runs the model with reasoning as production does. Objects merge into what the
 * request already has; other values replace it.
 *
 * @param performance fields of the performance requests (TTFT, decode, concurrency)
 * @param quality     fields of the quality suites' requests (tool calling, entities, Kannada, vision)
 */
public record RequestFields(ObjectNode performance, ObjectNode quality) {

    public static final RequestFields NONE = new RequestFields(null, null);

    public RequestFields {
        performance = performance == null ? JsonNodeFactory.instance.objectNode() : performance.deepCopy();
        quality = quality == null ? JsonNodeFactory.instance.objectNode() : quality.deepCopy();
    }

    @Override
    public ObjectNode performance() {
        return performance.deepCopy();
    }

    @Override
    public ObjectNode quality() {
        return quality.deepCopy();
    }
}
