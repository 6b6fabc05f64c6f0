package dev.modelgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A candidate's own key, by the name of an environment variable; the run's key for the others. */
class CandidateKeysTest {

    private static final Settings RUN_KEY = Settings.ofMap(Map.of(Settings.API_KEY, "run-key-0001"));

    @Test
    void aCandidateWithApiKeyEnvGetsThatVariablesKeyAndNotTheRunsKey() {
        Candidate titan = candidate("TITAN_API_KEY");
        assertThat(CandidateKeys.of(titan, RUN_KEY, Map.of("TITAN_API_KEY", "titan-key-0002")::get))
                .hasValueSatisfying(k -> assertThat(k.reveal()).isEqualTo("titan-key-0002"));
        assertThat(CandidateKeys.of(candidate(null), RUN_KEY, Map.of("TITAN_API_KEY", "titan-key-0002")::get))
                .hasValueSatisfying(k -> assertThat(k.reveal()).isEqualTo("run-key-0001"));
    }

    @Test
    void anUnsetVariableIsAProblemBeforeAnythingBoots() {
        Problems problems = new Problems();
        CandidateKeys.check(List.of(candidate("MODELGATE_UNSET_VARIABLE_FOR_A_TEST")), problems);
        assertThatThrownBy(problems::throwIfAny).hasMessageContaining("$.engine.apiKeyEnv")
                .hasMessageContaining("engine.apiKeyEnv names the environment variable"
                        + " MODELGATE_UNSET_VARIABLE_FOR_A_TEST, which is not set; export"
                        + " MODELGATE_UNSET_VARIABLE_FOR_A_TEST=<the key of that server> before the run");
        assertThatThrownBy(() -> CandidateKeys.of(candidate("MODELGATE_UNSET_VARIABLE_FOR_A_TEST"), RUN_KEY,
                name -> null)).hasMessageStartingWith("titan: engine.apiKeyEnv names");
    }

    private static Candidate candidate(String apiKeyEnv) {
        EngineSpec engine = new EngineSpec("external", null, null, "http://127.0.0.1:9", null, null, null, null, null,
                null, null, null, apiKeyEnv);
        return Candidate.adHoc("titan").withEngine(engine);
    }
}
