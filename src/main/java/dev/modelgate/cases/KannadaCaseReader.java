package dev.modelgate.cases;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Problems;
import java.util.List;
import java.util.Optional;

/** Reads a {@code kannada} case: {@code kind: entities} like the entities suite, or {@code kind: native}. */
final class KannadaCaseReader {

    private static final List<String> ENTITY_FIELDS = List.of("instruction", "text", "expect");
    private static final List<String> NATIVE_FIELDS = List.of("question", "keyFacts", "system");

    private KannadaCaseReader() {
    }

    /** An {@link EntityCase} or a {@link NativeResponseCase}; empty when a problem was recorded. */
    static Optional<Object> read(CaseFile source, JsonNode tree, Problems problems) {
        boolean nativeKind = "native".equals(tree.get("kind").asText());
        List<String> foreign = nativeKind ? ENTITY_FIELDS : NATIVE_FIELDS;
        boolean clean = true;
        for (String field : foreign) {
            if (tree.has(field)) {
                problems.add(source.displayName(), "$." + field, "belongs to kind: " + (nativeKind ? "entities" : "native")
                        + ", but this case is kind: " + tree.get("kind").asText() + "; remove it or change the kind");
                clean = false;
            }
        }
        if (!clean) {
            return Optional.empty();
        }
        if (!nativeKind) {
            return EntityCaseReader.read(source, tree, problems).map(c -> c);
        }
        return Optional.of(new NativeResponseCase(source, CaseFields.text(tree, "description"),
                CaseFields.text(tree, "system"), tree.get("question").asText(),
                CaseFields.alternatives(tree.get("keyFacts")), CaseFields.maxTokens(tree), CaseFields.temperature(tree),
                CaseFields.tags(tree)));
    }
}
