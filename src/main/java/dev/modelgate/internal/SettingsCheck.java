package dev.modelgate.internal;

import static dev.modelgate.catalog.SettingRule.any;
import static dev.modelgate.catalog.SettingRule.bool;
import static dev.modelgate.catalog.SettingRule.executable;
import static dev.modelgate.catalog.SettingRule.existingDirectories;
import static dev.modelgate.catalog.SettingRule.existingFile;
import static dev.modelgate.catalog.SettingRule.httpUrl;
import static dev.modelgate.catalog.SettingRule.oneOf;
import static dev.modelgate.catalog.SettingRule.positiveNumber;
import static dev.modelgate.catalog.SettingRule.regex;
import static dev.modelgate.catalog.SettingRule.wholeNumber;
import static dev.modelgate.catalog.SettingRule.wholeNumbers;

import dev.modelgate.cases.BfclCases;
import dev.modelgate.cases.QualityCases;
import dev.modelgate.catalog.Problems;
import dev.modelgate.catalog.SettingRule;
import dev.modelgate.catalog.Settings;
import dev.modelgate.catalog.Suggestions;
import dev.modelgate.engine.EngineSettings;
import dev.modelgate.engine.registry.Engines;
import dev.modelgate.qualification.CapacityEvidence;
import dev.modelgate.measure.memory.MemorySettings;
import dev.modelgate.report.AllureOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every setting modelgate reads, with what it accepts, checked before anything boots. A value that
 * is not accepted, and a {@code modelgate.*} system property that names no setting, are problems of
 * the one "Configuration error" message, each with the setting, the value and what is allowed.
 */
final class SettingsCheck {

    /** The problems' "file": settings come from {@code -D} or {@code junit-platform.properties}. */
    static final String SOURCE = Problems.SETTINGS;

    static final Map<String, SettingRule> RULES = rules();

    private SettingsCheck() {
    }

    private static Map<String, SettingRule> rules() {
        Map<String, SettingRule> r = new LinkedHashMap<>();
        r.put(Settings.MODEL, any());
        r.put(Settings.MODELS, any()); // the catalogue loader says when it is no directory
        r.put(Settings.CASES, any()); // the case loader says when it is no directory
        r.put(Settings.REQUIREMENTS, any()); // the catalogue loader says when it cannot be read
        r.put(Settings.ENGINE, oneOf(List.copyOf(Engines.types()), "an engine"));
        r.put(Settings.URL, httpUrl());
        r.put(Settings.API_KEY, any());
        r.put(Settings.RESULTS, any());
        r.put(Settings.SAMPLES, wholeNumber(1, 100_000, " samples"));
        r.put(Settings.WARMUP, wholeNumber(0, 1_000, " requests"));
        r.put(Settings.CONCURRENCY, wholeNumbers(1, 4_096, "1,4,16,64"));
        r.put(CapacityEvidence.SETTING, bool());
        r.put(QualityCases.CONCURRENCY, wholeNumber(1, 1_024, " cases at once"));
        r.put(QualityCases.FILTER, regex());
        r.put(Settings.REPEATS, wholeNumber(1, 100, " runs of each case"));
        r.put(BfclCases.DIRECTORY, existingDirectories()); // its files are checked by the reader
        r.put(BfclCases.CATEGORIES, any()); // the reader names the categories it reads
        r.put(Settings.GATE, oneOf(List.of("must", "swap"), "a gate (must: must-have misses fail the build;"
                + " swap: also fail unless a swap is recommended)"));
        r.put(Settings.RESUME, bool());
        r.put(Settings.PREFLIGHT, bool());
        r.put(Settings.BOOT_TIMEOUT, wholeNumber(1, 86_400, " seconds"));
        r.put(Settings.REQUEST_TIMEOUT, positiveNumber(" seconds"));
        r.put(Settings.IDLE_TIMEOUT, positiveNumber(" seconds"));
        r.put(Settings.VLLM, executable());
        r.put(Settings.HF_ENDPOINT, httpUrl());
        r.put(Settings.SURVEY, existingFile());
        r.put(CandidateSlots.PARALLEL, wholeNumber(1, 256, " candidates at once"));
        // Read by the merge step, which runs without -Dmodel; named here so that they are known settings.
        r.put("modelgate.merge", existingDirectories());
        r.put("modelgate.merge.allowMixed", bool());
        r.put(EngineSettings.CACHE, any());
        r.put(EngineSettings.THREADS, wholeNumber(1, 1_024, " threads"));
        r.put(EngineSettings.DOCKER, executable());
        r.put(EngineSettings.HF_CACHE, any());
        r.put(EngineSettings.VLLM_IMAGE, any());
        r.put(EngineSettings.OLLAMA, executable());
        r.put(MemorySettings.NVIDIA_SMI, executable());
        r.put(MemorySettings.MEMINFO, existingFile());
        r.put(Settings.BASELINE_RESULTS, existingDirectories());
        r.put(AllureOutput.RESULTS_SETTING, any());
        return Map.copyOf(r);
    }

    /** Checks every known setting that is set, and every {@code modelgate.*} name among {@code systemProperties}. */
    static void run(Settings settings, Set<String> systemProperties, Problems problems) {
        RULES.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(rule -> settings.get(rule.getKey())
                .flatMap(value -> rule.getValue().check(value).map(why -> new String[] {value, why}))
                .ifPresent(p -> problems.add(SOURCE, rule.getKey() + "=" + shown(rule.getKey(), p[0]), p[1])));
        systemProperties.stream().filter(n -> n.startsWith("modelgate.") && !RULES.containsKey(n)).sorted()
                .forEach(n -> problems.add(SOURCE, "-D" + n, "is not a setting of modelgate"
                        + Suggestions.didYouMean(n, RULES.keySet()) + " (the settings are listed in docs/settings.md)"));
    }

    private static String shown(String name, String value) {
        return name.equals(Settings.API_KEY) ? "***" : value;
    }
}
