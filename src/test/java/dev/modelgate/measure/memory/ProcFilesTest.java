package dev.modelgate.measure.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcFilesTest {

    @Test
    void capturedMeminfoGivesTotalAndAvailableInKiB() {
        MemInfo m = MemInfo.parse(Fixtures.text("proc/meminfo-x86-64-24gib.txt"));

        assertThat(m.totalKiB()).isEqualTo(24683656);
        assertThat(m.availableKiB()).isEqualTo(23960196);
        assertThat(Gib.round(m.totalGiB())).isEqualTo(23.54);
    }

    @Test
    void unifiedMemoryReadingsDropBy22_5GiB() {
        MemInfo before = MemInfo.parse(Fixtures.text("proc/meminfo-gb10-before-boot.txt"));
        MemInfo ready = MemInfo.parse(Fixtures.text("proc/meminfo-gb10-ready.txt"));

        assertThat(Gib.ofKiB(before.availableKiB() - ready.availableKiB())).isEqualTo(22.5);
        assertThat(Gib.round(before.totalGiB())).isEqualTo(121.69);
    }

    @Test
    void meminfoWithoutMemAvailableSaysWhatIsMissing() {
        assertThatThrownBy(() -> MemInfo.parse("MemTotal:       1000 kB\nMemFree:    10 kB\n"))
                .hasMessageContaining("no 'MemAvailable: <n> kB' line")
                .hasMessageContaining("Linux 3.14");
    }

    @Test
    void thisMachinesMeminfoIsReadable() {
        MemInfo m = MemInfo.read(MemInfo.PROC_MEMINFO);

        assertThat(m.availableKiB()).isPositive().isLessThanOrEqualTo(m.totalKiB());
    }

    @Test
    void capturedStatusGivesVmRss() {
        assertThat(ProcStatus.vmRssKiB(Fixtures.text("proc/status-sleep.txt"))).hasValue(1760);
    }

    @Test
    void vmRssOfALiveProcessEqualsWhatPsReports() throws Exception {
        try (ServerProcesses server = ServerProcesses.start(1)) {
            long pid = server.children().get(0).pid();
            Process ps = new ProcessBuilder("ps", "-o", "rss=", "-p", String.valueOf(pid)).start();
            long psRss = Long.parseLong(new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());

            assertThat(ProcStatus.vmRssKiB(pid)).hasValue(psRss);
        } catch (IOException e) {
            throw e;
        }
    }

    @Test
    void aProcessThatIsGoneHasNoRss() {
        assertThat(ProcStatus.vmRssKiB(Long.MAX_VALUE)).isEqualTo(OptionalLong.empty());
    }
}
