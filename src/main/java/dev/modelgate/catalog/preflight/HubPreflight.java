package dev.modelgate.catalog.preflight;

import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.Facts;
import dev.modelgate.catalog.Secret;
import dev.modelgate.catalog.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The optional Hub preflight ({@code -Dmodelgate.preflight=true}): before anything boots, reads each
 * candidate's {@code config.json} and model card from the Hugging Face Hub and reports where the
 * declared facts (architecture, context, quantization, licence) differ from them.
 *
 * <p>The Hub's base URL is {@code modelgate.hfEndpoint}, else {@code HF_ENDPOINT}, else
 * {@value #DEFAULT_ENDPOINT}; a token in the environment variable {@code HF_TOKEN} is sent as a
 * bearer for gated repositories and never written anywhere. Every file read is cached under {@code <modelgate.results>/hub-cache/<repo>/<revision>/},
 * so a second run needs no network; delete the directory (or {@code mvn clean}) to read again.
 */
public final class HubPreflight {

    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";

    private final HubCache hub;

    HubPreflight(HubCache hub) {
        this.hub = hub;
    }

    /**
     * A preflight against {@code endpoint}.
     *
     * @param token    bearer token for gated repositories, if any
     * @param cacheDir where responses are kept
     */
    public static HubPreflight create(String endpoint, Optional<Secret> token, Path cacheDir) {
        return new HubPreflight(new HubCache(HubClient.forEndpoint(endpoint, token), cacheDir));
    }

    /**
     * The preflight the settings ask for: empty unless {@code modelgate.preflight=true}. The token
     * comes from {@code HF_TOKEN}, the cache is {@code hub-cache} under the results directory.
     */
    public static Optional<HubPreflight> fromSettings(Settings settings) {
        if (!settings.getBoolean(Settings.PREFLIGHT)) {
            return Optional.empty();
        }
        Optional<Secret> token = HubClient.tokenFromEnvironment();
        return Optional.of(create(settings.hfEndpoint(), token,
                settings.resultsDir().resolve("hub-cache")));
    }

    /** Where responses are cached. */
    public Path cacheDir() {
        return hub.cacheDir();
    }

    /**
     * Reads the candidate's repository and compares it with the declared facts.
     *
     * @throws HubUnavailableException when the Hub cannot be reached or refuses access
     */
    public PreflightReport check(Candidate candidate) {
        String repo = candidate.modelReference();
        String revision = candidate.huggingFace() != null && candidate.huggingFace().revision() != null
                ? candidate.huggingFace().revision() : "main";
        String configText = hub.read(repo, revision, "config.json").orElseThrow(() -> new HubUnavailableException(
                "no config.json at " + hub.endpoint() + repo + " (revision " + revision + "): check huggingFace.repo"
                        + " and huggingFace.revision of " + candidate.id()));
        ConfigJson config = ConfigJson.parse(configText);
        ConfigJson.Method method = config.quantizationConfig().map(ConfigJson::method)
                .or(() -> hub.read(repo, revision, "hf_quant_config.json")
                        .map(ConfigJson::parse).flatMap(ConfigJson::modelOptBlock)
                        .map(block -> {
                            ConfigJson.Method m = ConfigJson.method(block);
                            return new ConfigJson.Method(m.quantization(), "hf_quant_config.json " + m.detail());
                        }))
                .orElse(new ConfigJson.Method(null, "config.json has no quantization_config"));
        ModelCard.Licence licence = hub.read(repo, revision, "README.md").map(ModelCard::license)
                .orElse(new ModelCard.Licence(null, "the repository has no README.md"));
        Optional<ConfigJson.Context> context = config.context();
        HubFacts facts = new HubFacts(config.architecture(), context.map(ConfigJson.Context::tokens).orElse(null),
                context.map(ConfigJson.Context::source).orElse("config.json has no max_position_embeddings"),
                method.quantization(), method.detail(), licence.spdx(), licence.detail());
        return compare(candidate, repo, revision, facts);
    }

    /** Checks every candidate, in order. */
    public List<PreflightReport> checkAll(List<Candidate> candidates) {
        return candidates.stream().map(this::check).toList();
    }

    static PreflightReport compare(Candidate candidate, String repo, String revision, HubFacts hub) {
        List<Difference> differences = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (candidate.adHoc()) {
            notes.add("ad-hoc candidate: nothing declared to compare; the Hub has architecture " + hub.architecture()
                    + ", context " + hub.contextLength() + ", quantization " + orNone(hub.quantization())
                    + ", licence " + hub.license());
            return new PreflightReport(candidate.id(), repo, revision, hub, differences, notes);
        }
        Facts declared = candidate.facts();
        compare("architecture", declared.architecture(), hub.architecture(), "config.json architectures[0]",
                differences, notes);
        compare("contextLength", declared.contextLength() == null ? null : declared.contextLength().toString(),
                hub.contextLength() == null ? null : hub.contextLength().toString(), hub.contextSource(),
                differences, notes);
        compareQuantization(candidate, hub, differences, notes);
        compareLicence(declared.license(), hub, differences, notes);
        return new PreflightReport(candidate.id(), repo, revision, hub, differences, notes);
    }

    private static void compare(String field, String declared, String hub, String where,
                                List<Difference> differences, List<String> notes) {
        if (declared == null) {
            notes.add("facts." + field + " is not declared; the Hub has " + hub + " (" + where + ")");
        } else if (hub == null) {
            notes.add("facts." + field + " not compared: " + where);
        } else if (!declared.equals(hub)) {
            differences.add(new Difference(field, declared, hub, where));
        }
    }

    private static void compareQuantization(Candidate candidate, HubFacts hub, List<Difference> differences,
                                            List<String> notes) {
        String declared = candidate.facts().quantization();
        String onTheHub = hub.quantization();
        String detail = hub.quantizationDetail();
        if (onTheHub == null) {
            Optional<String> atLoad = argument(candidate.engine().args(), "--quantization");
            if (atLoad.isPresent() && detail.startsWith("config.json has no quantization_config")) {
                onTheHub = atLoad.get().toUpperCase(Locale.ROOT);
                detail = "unquantized weights, quantized at load time by --quantization " + atLoad.get();
            } else if (!detail.startsWith("config.json has no quantization_config")) {
                notes.add("quantization not compared: the preflight does not map " + detail);
                return;
            } else {
                onTheHub = "none (unquantized weights)";
            }
        }
        if (declared == null) {
            notes.add("facts.quantization is not declared; the Hub has " + onTheHub + " (" + detail + ")");
        } else if (!declared.equalsIgnoreCase(onTheHub)) {
            differences.add(new Difference("quantization", declared, onTheHub, detail));
        }
    }

    private static void compareLicence(String declared, HubFacts hub, List<Difference> differences,
                                       List<String> notes) {
        if (hub.license() == null) {
            notes.add("licence not compared: " + hub.licenseDetail());
            return;
        }
        if (declared == null) {
            notes.add("facts.license is not declared; the model card has " + hub.license());
            return;
        }
        boolean named = Arrays.stream(declared.split("\\s+(?:AND|OR)\\s+"))
                .anyMatch(id -> id.trim().equalsIgnoreCase(hub.license()));
        if (!named) {
            differences.add(new Difference("license", declared, hub.license(), "README.md " + hub.licenseDetail()));
        }
    }

    private static Optional<String> argument(List<String> args, String flag) {
        int i = args.indexOf(flag);
        return i >= 0 && i + 1 < args.size() ? Optional.of(args.get(i + 1)) : Optional.empty();
    }

    private static String orNone(String quantization) {
        return quantization == null ? "none" : quantization;
    }
}
