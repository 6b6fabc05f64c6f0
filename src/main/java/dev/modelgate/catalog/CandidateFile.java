package dev.modelgate.catalog;

import java.util.List;

/** The YAML shape of a candidate file, before it gets its id (the file name) and source. */
record CandidateFile(
        String name,
        boolean baseline,
        List<String> tags,
        Candidate.HuggingFace huggingFace,
        EngineSpec engine,
        int bootTimeoutSeconds,
        Facts facts,
        Candidate.Stability stability,
        Declared declared,
        RequestFields requestFields) {

    Candidate toCandidate(String id, java.nio.file.Path source) {
        return new Candidate(id, name == null ? id : name, baseline, tags, huggingFace, engine, bootTimeoutSeconds,
                facts, stability, declared, java.util.Optional.of(source), requestFields);
    }
}
