package dev.modelgate.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@link EventStreamParser}: events split across reads, every line ending the format allows. */
class EventStreamParserTest {

    private static final String CHUNK = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}";

    private static Completion read(String body, int pieceSize) {
        CompletableFuture<Completion> result = new CompletableFuture<>();
        StreamAssembler assembler = new StreamAssembler(0);
        assembler.firstByte(1);
        EventStreamParser parser = new EventStreamParser(assembler, "test", result);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += pieceSize) {
            parser.bytes(ByteBuffer.wrap(bytes, i, Math.min(pieceSize, bytes.length - i)), 100 + i);
        }
        parser.end(10_000);
        return result.join();
    }

    @Test
    void eventsReadTheSameInAnyPiecesAndWithAnyLineEnding() {
        for (String eol : new String[] {"\n", "\r\n", "\r"}) {
            String body = ": comment" + eol + "event: x" + eol + "data: " + CHUNK.formatted("ಕನ್ನಡ") + eol + eol
                    + "data:" + CHUNK.formatted("two") + eol + eol + "data: [DONE]" + eol + eol;
            for (int piece = 1; piece <= 7; piece++) {
                Completion c = read(body, piece);
                assertThat(c.content()).as("pieces of %d, line ending %s", piece, eol.replace("\r", "CR").replace("\n", "LF"))
                        .isEqualTo("ಕನ್ನಡtwo");
                assertThat(c.sawDone()).isTrue();
            }
        }
    }

    @Test
    void anEventIsStampedWithTheReadThatBroughtItsEnd() {
        String first = "data: " + CHUNK.formatted("a") + "\n";
        String body = first + "\n" + "data: [DONE]\n\n";
        Completion c = read(body, first.length());
        assertThat(c.firstOutput().orElseThrow().arrivalNanos()).as("its blank line came in the second read")
                .isEqualTo(100 + first.length());
    }

    @Test
    void aStreamThatEndsBeforeDoneFails() {
        CompletableFuture<Completion> result = new CompletableFuture<>();
        EventStreamParser parser = new EventStreamParser(new StreamAssembler(0), "http://server", result);
        parser.bytes(ByteBuffer.wrap(("data: " + CHUNK.formatted("a") + "\n\ndata: [DONE]").getBytes(StandardCharsets.UTF_8)), 5);
        parser.end(6);
        assertThat(result).isCompletedExceptionally();
        assertThat(result.handle((c, e) -> e.getMessage()).join()).contains("ended without data: [DONE]");
    }
}
