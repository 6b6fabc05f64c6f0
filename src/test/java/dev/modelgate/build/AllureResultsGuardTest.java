package dev.modelgate.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureResultsGuardTest {

    @TempDir
    Path tmp;

    @Test
    void anUntouchedDirectoryPassesAndANewResultFailsWithItsName() throws Exception {
        Path results = Files.createDirectories(tmp.resolve("allure-results"));
        Files.writeString(results.resolve("kept-result.json"), "{}");
        Path listing = tmp.resolve("before.txt");
        AllureResultsGuard.main(new String[] {"snapshot", results.toString(), listing.toString()});
        AllureResultsGuard.main(new String[] {"check", results.toString(), listing.toString()});

        Files.writeString(results.resolve("unit-test-result.json"), "{}");
        assertThatThrownBy(() -> AllureResultsGuard.main(new String[] {"check", results.toString(), listing.toString()}))
                .hasMessageContaining("[+ unit-test-result.json]").hasMessageContaining("belongs under target/");
    }

    @Test
    void aMissingDirectoryIsEmptyAndARemovedFileCounts() throws Exception {
        assertThat(AllureResultsGuard.list(tmp.resolve("absent"))).isEmpty();
        assertThat(AllureResultsGuard.differences(java.util.List.of("a.json\t2\t1"), java.util.List.of()))
                .containsExactly("- a.json");
    }
}
