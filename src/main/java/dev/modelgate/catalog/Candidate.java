package dev.modelgate.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One model that can be qualified: where it comes from, how to serve it, and what is declared
 * about it. Read from {@code models/<id>.yaml}; {@code id} is the file name.
 *
 * @param source        the file it was read from; empty for an ad-hoc candidate (an id with no file)
 * @param requestFields request fields merged into its performance and quality requests
 */
public record Candidate(
        String id,
        String name,
        boolean baseline,
        List<String> tags,
        HuggingFace huggingFace,
        EngineSpec engine,
        int bootTimeoutSeconds,
        Facts facts,
        Stability stability,
        Declared declared,
        Optional<Path> source,
        RequestFields requestFields) {

    public static final int DEFAULT_BOOT_TIMEOUT_SECONDS = 1200;

    public Candidate {
        tags = tags == null ? List.of() : List.copyOf(tags);
        facts = facts == null ? Facts.UNKNOWN : facts;
        stability = stability == null ? Stability.UNKNOWN : stability;
        declared = declared == null ? Declared.NONE : declared;
        engine = engine == null ? EngineSpec.defaults() : engine;
        bootTimeoutSeconds = bootTimeoutSeconds <= 0 ? DEFAULT_BOOT_TIMEOUT_SECONDS : bootTimeoutSeconds;
        source = source == null ? Optional.empty() : source;
        requestFields = requestFields == null ? RequestFields.NONE : requestFields;
    }

    public Candidate(String id, String name, boolean baseline, List<String> tags, HuggingFace huggingFace,
                     EngineSpec engine, int bootTimeoutSeconds, Facts facts, Stability stability, Declared declared,
                     Optional<Path> source) {
        this(id, name, baseline, tags, huggingFace, engine, bootTimeoutSeconds, facts, stability, declared, source,
                RequestFields.NONE);
    }

    /** Whether this candidate came from no file: its static facts are unknown, not guessed. */
    public boolean adHoc() {
        return source.isEmpty();
    }

    /** The model reference the engine serves: the Hugging Face repo id, else the candidate id. */
    public String modelReference() {
        return huggingFace != null && huggingFace.repo() != null ? huggingFace.repo() : id;
    }

    /** The name the server lists in {@code /v1/models}: {@code engine.servedName}, else the candidate id. */
    public String servedName() {
        return engine.servedName() != null ? engine.servedName() : id;
    }

    /** A candidate for an id that has no file: a Hugging Face id served with the default engine. */
    public static Candidate adHoc(String id) {
        return new Candidate(id, id, false, List.of(), new HuggingFace(id, null), EngineSpec.defaults(),
                DEFAULT_BOOT_TIMEOUT_SECONDS, Facts.UNKNOWN, Stability.UNKNOWN, Declared.NONE, Optional.empty());
    }

    public Candidate withEngine(EngineSpec spec) {
        return new Candidate(id, name, baseline, tags, huggingFace, spec, bootTimeoutSeconds, facts, stability,
                declared, source, requestFields);
    }

    /** The same candidate, not marked as the baseline. */
    public Candidate notBaseline() {
        return new Candidate(id, name, false, tags, huggingFace, engine, bootTimeoutSeconds, facts, stability,
                declared, source, requestFields);
    }

    /** Where the weights come from on the Hugging Face Hub. */
    public record HuggingFace(String repo, String revision) {
    }

    /** Stability as declared in the candidate file, with the evidence for it. */
    public record Stability(String rating, String evidence) {
        public static final Stability UNKNOWN = new Stability(null, null);
    }
}
