package dev.modelgate.catalog.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Catalog;
import dev.modelgate.catalog.RequirementSpec;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.Threshold;
import dev.modelgate.catalog.VllmArchitectures;
import dev.modelgate.catalog.YamlDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Hub survey ({@code mvn test -Dgroups=survey -Dmodelgate.survey=<file>}): searches the Hugging
 * Face Hub for the accounts and words of a survey file, reads every checkpoint found (model info with
 * file sizes, {@code config.json}, the model card) and every repository of the catalogue, and reports
 * a table of the checkpoints, which are new, which catalogue facts the Hub contradicts, and a draft
 * candidate file for each new checkpoint in scope. Responses are cached like the preflight's.
 */
final class HubSurvey {

    /** {@code 35B}, {@code 20b}, {@code 17B} in a repository name: total (or, for Llama 4, active) parameters. */
    private static final Pattern SIZE = Pattern.compile("(?i)(?<![a-z0-9.])(\\d+(?:\\.\\d+)?)b(?![a-z])");
    /** {@code -A3B}: active parameters of a mixture of experts. */
    private static final Pattern ACTIVE = Pattern.compile("(?i)-a(\\d+(?:\\.\\d+)?)b(?![a-z])");
    private static final List<String> EXPERT_FIELDS = List.of("num_experts", "num_local_experts", "n_routed_experts");
    private static final List<String> NESTED = List.of("text_config", "llm_config", "language_config");

    private final HubCache hub;
    private final ParserFamilies parsers = ParserFamilies.builtIn();
    private final VllmArchitectures vllm = VllmArchitectures.builtIn();

    HubSurvey(HubCache hub) {
        this.hub = hub;
    }

    /** A survey against {@code endpoint}, caching under {@code cacheDir}. */
    public static HubSurvey create(String endpoint, Optional<Secret> token, Path cacheDir) {
        return new HubSurvey(new HubCache(HubClient.forEndpoint(endpoint, token), cacheDir));
    }

    /** The survey the settings ask for: the Hub of {@code modelgate.hfEndpoint}, {@code HF_TOKEN}, the preflight's cache. */
    public static HubSurvey fromSettings(Settings settings) {
        Optional<Secret> token = HubClient.tokenFromEnvironment();
        return create(settings.hfEndpoint(), token, settings.resultsDir().resolve("hub-cache"));
    }

    /**
     * Runs the survey file {@code file} against the Hub and the catalogue.
     *
     * @throws IllegalArgumentException  when the survey file is wrong (every problem listed)
     * @throws HubUnavailableException   when the Hub cannot be reached and nothing is cached
     */
    public SurveyReport run(Path file, Catalog catalog) {
        SurveyFile survey = SurveyFile.load(file);
        Map<String, String> repos = new LinkedHashMap<>();
        for (String author : survey.authors()) {
            for (String term : survey.search().isEmpty() ? List.of("") : survey.search()) {
                search(author, term, survey.limit()).forEach(id -> repos.putIfAbsent(id.toLowerCase(Locale.ROOT), id));
            }
        }
        survey.repos().forEach(r -> repos.putIfAbsent(r.toLowerCase(Locale.ROOT), r));
        catalog.candidates().values().stream().map(HubSurvey::repoOf).flatMap(Optional::stream)
                .forEach(r -> repos.putIfAbsent(r.toLowerCase(Locale.ROOT), r));

        Optional<Threshold.Comparison> budget = catalog.requirements().get("vram").flatMap(RequirementSpec::must)
                .filter(Threshold.Comparison.class::isInstance).map(Threshold.Comparison.class::cast);
        List<SurveyRow> rows = new ArrayList<>();
        Map<String, List<String>> changes = new TreeMap<>();
        Map<String, String> drafts = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String requested : repos.values()) {
            Optional<ModelInfo> info = hub.api("models/" + requested, Map.of("blobs", "true"), "info.json")
                    .map(ModelInfo::parse);
            List<Candidate> declaring = catalog.candidates().values().stream()
                    .filter(c -> repoOf(c).map(requested::equalsIgnoreCase).orElse(false)).toList();
            if (info.isEmpty()) {
                declaring.forEach(c -> changes.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(
                        "huggingFace.repo " + repoOf(c).orElseThrow() + ": the Hub has no such repository"
                                + " (/api/models/" + requested + " answered 404); it may have been renamed"));
                if (declaring.isEmpty()) {
                    notes.add(requested + ": the Hub has no such repository (404)");
                }
                continue;
            }
            String repo = info.get().id() == null ? requested : info.get().id();
            if (!seen.add(repo.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Read read = read(repo, info.get());
            String catalogueId = declaring.isEmpty() ? null : declaring.get(0).id();
            SurveyRow row = row(repo, info.get(), read, survey, budget, catalogueId);
            rows.add(row);
            for (Candidate candidate : declaring) {
                List<String> lines = compare(candidate, repo, read, row);
                if (!lines.isEmpty()) {
                    changes.computeIfAbsent(candidate.id(), k -> new ArrayList<>()).addAll(lines);
                }
            }
            if (row.isNew() && row.inScope()) {
                drafts.put(CandidateDraft.id(repo), CandidateDraft.yaml(row, parsers.of(row.modelType()),
                        hub.endpoint().toString()));
            }
        }
        return new SurveyReport(hub.endpoint().toString(), rows, changes, drafts, notes,
                budget.map(b -> b.describe("GiB")).orElse(null));
    }

    /** What was read of one repository beside its model info. */
    private record Read(Optional<ConfigJson> config, ConfigJson.Method method, ModelCard.Licence licence) {
    }

    private List<String> search(String author, String term, int limit) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("author", author);
        if (!term.isEmpty()) {
            query.put("search", term);
        }
        query.put("limit", Integer.toString(limit));
        String cacheName = ("author=" + author + (term.isEmpty() ? "" : "&search=" + term) + "&limit=" + limit)
                .replaceAll("[^A-Za-z0-9=&._-]", "_") + ".json";
        String json = hub.api("models", query, cacheName).orElse("[]");
        List<String> ids = new ArrayList<>();
        try {
            for (JsonNode model : YamlDocuments.JSON.readTree(json)) {
                String id = model.path("id").asText(model.path("modelId").asText(""));
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the Hub's model search for author " + author + " is not valid JSON", e);
        }
        return ids;
    }

    private Read read(String repo, ModelInfo info) {
        Optional<ConfigJson> config = hub.read(repo, "main", "config.json").map(ConfigJson::parse);
        ConfigJson.Method method = config.flatMap(ConfigJson::quantizationConfig).map(ConfigJson::method)
                .or(() -> hub.read(repo, "main", "hf_quant_config.json").map(ConfigJson::parse)
                        .flatMap(ConfigJson::modelOptBlock).map(block -> {
                            ConfigJson.Method m = ConfigJson.method(block);
                            return new ConfigJson.Method(m.quantization(), "hf_quant_config.json " + m.detail());
                        }))
                .or(() -> info.config().path("quantization_config").isObject()
                        ? Optional.of(ConfigJson.method(info.config().get("quantization_config"))) : Optional.empty())
                .orElse(new ConfigJson.Method(null, "config.json has no quantization_config"));
        ModelCard.Licence licence = hub.read(repo, "main", "README.md").map(ModelCard::license)
                .filter(l -> l.spdx() != null)
                .or(() -> info.cardLicence().map(l -> new ModelCard.Licence(ModelCard.spdx(l), "cardData license " + l)))
                .orElse(new ModelCard.Licence(null, "no licence in the model card"));
        return new Read(config, method, licence);
    }

    private SurveyRow row(String repo, ModelInfo info, Read read, SurveyFile survey,
                          Optional<Threshold.Comparison> budget, String catalogueId) {
        String name = repo.substring(repo.indexOf('/') + 1);
        Double total = null;
        String parametersSource = "unknown";
        Matcher size = SIZE.matcher(name);
        if (size.find()) {
            total = Double.parseDouble(size.group(1));
            parametersSource = "repository name";
        } else if (info.safetensorsTotal().isPresent()) {
            total = info.safetensorsTotal().get() / 1e9;
            parametersSource = "safetensors.total (stored elements: a packed 4-bit element holds two weights)";
        }
        Matcher active = ACTIVE.matcher(name);
        Double activeB = active.find() ? Double.parseDouble(active.group(1)) : null;
        JsonNode tree = read.config().map(ConfigJson::tree).orElse(null);
        Boolean moe = tree == null ? null : experts(tree) > 1;
        String modelType = tree == null ? info.config().path("model_type").asText(null) : modelType(tree);
        String architecture = read.config().map(ConfigJson::architecture)
                .orElse(info.config().path("architectures").path(0).asText(null));
        Optional<ConfigJson.Context> context = read.config().flatMap(ConfigJson::context);
        List<String> modalities = modalities(tree, info);
        Optional<ModelInfo.WeightFiles> weights = info.weightFiles();
        Long bytes = weights.map(ModelInfo.WeightFiles::bytes).orElse(null);
        String weightsSource = weights.map(w -> "the Hub's sizes of " + w.names().size() + " *" + w.kind() + " file"
                + (w.names().size() == 1 ? "" : "s") + " at " + shortSha(info.sha())).orElse("the Hub lists no sizes");
        Boolean fits = bytes == null || budget.isEmpty() ? null : budget.get().test(bytes / (double) (1L << 30));
        List<String> out = new ArrayList<>();
        String quantization = read.method().quantization();
        if (!survey.quantizations().isEmpty() && (quantization == null
                || survey.quantizations().stream().noneMatch(quantization::equalsIgnoreCase))) {
            out.add("quantization " + (quantization == null ? "none" : quantization));
        }
        if (total == null) {
            out.add("parameters unknown");
        } else if (total < survey.minParametersB() || total > survey.maxParametersB()) {
            out.add("parameters " + total + "B");
        }
        survey.modalities().stream().filter(m -> !modalities.contains(m)).forEach(m -> out.add("no " + m + " input"));
        String licence = read.licence().spdx();
        if (!survey.licences().isEmpty() && (licence == null || survey.licences().stream().noneMatch(licence::equalsIgnoreCase))) {
            out.add("licence " + (licence == null ? "unknown" : licence));
        }
        return new SurveyRow(repo, info.sha(), quantization, read.method().detail(), total, parametersSource, activeB,
                moe, modalities, context.map(ConfigJson.Context::tokens).orElse(null),
                context.map(ConfigJson.Context::source).orElse("config.json has no max_position_embeddings"), licence,
                read.licence().detail(), bytes, weightsSource, architecture, modelType,
                architecture != null && vllm.supports(architecture), fits, out, catalogueId);
    }

    /** The catalogue facts this repository's files contradict, as lines. */
    private static List<String> compare(Candidate candidate, String repo, Read read, SurveyRow row) {
        List<String> lines = new ArrayList<>();
        String declared = repoOf(candidate).orElseThrow();
        if (!declared.equals(repo)) {
            lines.add("huggingFace.repo is " + declared + " in the candidate file, but the Hub spells it " + repo
                    + " (/api/models id)");
        }
        HubFacts facts = new HubFacts(row.architecture(), row.contextLength(), row.contextSource(),
                read.method().quantization(), read.method().detail(), read.licence().spdx(), read.licence().detail());
        HubPreflight.compare(candidate, repo, "main", facts).differences().forEach(d -> lines.add(d.toString()));
        Long declaredBytes = candidate.facts().weightsBytes();
        if (row.weightsBytes() != null && declaredBytes != null
                && Math.abs(declaredBytes - row.weightsBytes()) > 0.01 * row.weightsBytes()) {
            lines.add(String.format(Locale.ROOT, "facts.weightsBytes is %,d (%s) in the candidate file, but %s sum"
                            + " to %,d bytes (%.2f GiB)", declaredBytes, candidate.facts().weightsSource(),
                    row.weightsSource(), row.weightsBytes(), row.weightsGiB()));
        } else if (row.weightsBytes() != null && declaredBytes == null) {
            lines.add(String.format(Locale.ROOT, "facts.weightsBytes is not declared; %s sum to %,d bytes (%.2f GiB)",
                    row.weightsSource(), row.weightsBytes(), row.weightsGiB()));
        }
        return lines;
    }

    private static Optional<String> repoOf(Candidate candidate) {
        return candidate.huggingFace() == null || candidate.huggingFace().repo() == null ? Optional.empty()
                : Optional.of(candidate.huggingFace().repo());
    }

    private static int experts(JsonNode tree) {
        int most = 0;
        for (JsonNode level : levels(tree)) {
            for (String field : EXPERT_FIELDS) {
                most = Math.max(most, level.path(field).asInt(0));
            }
        }
        return most;
    }

    private static String modelType(JsonNode tree) {
        if (tree.path("model_type").isTextual()) {
            return tree.get("model_type").asText();
        }
        return NESTED.stream().map(n -> tree.path(n).path("model_type")).filter(JsonNode::isTextual)
                .map(JsonNode::asText).findFirst().orElse(null);
    }

    private static List<JsonNode> levels(JsonNode tree) {
        List<JsonNode> levels = new ArrayList<>(List.of(tree));
        NESTED.forEach(n -> levels.add(tree.path(n)));
        return levels;
    }

    private static List<String> modalities(JsonNode tree, ModelInfo info) {
        List<String> modalities = new ArrayList<>(List.of("text"));
        List<String> tags = info.tags();
        if ((tree != null && tree.has("vision_config")) || info.pipelineTag().equals("image-text-to-text")
                || tags.contains("image-text-to-text")) {
            modalities.add("image");
        }
        if (tree != null && (tree.has("audio_config") || tree.has("sound_config"))) {
            modalities.add("audio");
        }
        if (tags.contains("video-text-to-text") || info.pipelineTag().equals("video-text-to-text")) {
            modalities.add("video");
        }
        return modalities;
    }

    private static String shortSha(String sha) {
        return sha == null ? "main" : sha.substring(0, Math.min(12, sha.length()));
    }
}
