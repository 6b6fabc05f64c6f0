package dev.modelgate.measure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modelgate.client.Completion;
import dev.modelgate.client.StreamEvent;
import dev.modelgate.client.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsageCheckTest {

    /** A completion of {@code events} one-token content events, with the given usage and finish reason. */
    private static Completion completion(int events, Usage usage, String finish) {
        List<StreamEvent> list = new ArrayList<>();
        list.add(new StreamEvent(1, "", "", 0, null, false)); // role chunk
        for (int i = 0; i < events; i++) {
            list.add(new StreamEvent(10 + i, "tok", "", 0, i == events - 1 ? finish : null, false));
        }
        return new Completion(0, 1, 100, list, "tok".repeat(events), "", List.of(), Optional.ofNullable(usage), finish,
                true);
    }

    @Test
    void agreeingUsageIsOk() {
        assertThat(UsageCheck.of(completion(4, new Usage(10, 8), "stop"), 16).ok()).isTrue();
        assertThat(UsageCheck.of(completion(4, new Usage(10, 16), "length"), 16).ok()).isTrue();
    }

    @Test
    void aMissingUsageChunkIsFlagged() {
        UsageCheck check = UsageCheck.of(completion(4, null, "stop"), 16);
        assertThat(check.status()).isEqualTo(UsageCheck.Status.MISSING);
        assertThat(check.reason()).contains("include_usage");
    }

    @Test
    void fewerTokensThanOutputEventsCannotBe() {
        UsageCheck check = UsageCheck.of(completion(5, new Usage(10, 3), "stop"), 16);
        assertThat(check.status()).isEqualTo(UsageCheck.Status.DISAGREES);
        assertThat(check.reason()).contains("3 completion tokens but 5 events");
    }

    @Test
    void moreTokensThanMaxTokensOrALengthStopShortOfItDisagree() {
        assertThat(UsageCheck.of(completion(4, new Usage(10, 20), "stop"), 16).reason()).contains("more than max_tokens 16");
        assertThat(UsageCheck.of(completion(4, new Usage(10, 12), "length"), 16).reason())
                .contains("'length' after 12", "max_tokens was 16");
    }
}
