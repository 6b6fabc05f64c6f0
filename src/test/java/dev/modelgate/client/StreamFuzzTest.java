package dev.modelgate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * Bounded protocol fuzzing: thousands of mutated, real-looking vLLM streams (truncations, cuts in
 * the middle of UTF-8 sequences, huge lines, missing [DONE], comment lines, flipped bytes, CRLF).
 * The parser must never hang and never throw anything but the client's own errors.
 */
class StreamFuzzTest {

    private static final String TEXT = "Once upon a time — ಒಂದಾನೊಂದು ಕಾಲದಲ್ಲಿ 🐘 a small model ";
    private static final int MUTATIONS = 3000;

    @Test
    void mutatedStreamsEndInACompletionOrTheClientsOwnError() throws Exception {
        Random random = new Random(20261126L);
        TreeMap<String, Integer> outcomes = new TreeMap<>();
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] stream = mutate(vllmStream(random), random);
                Future<String> outcome = worker.submit(() -> parse(stream));
                try {
                    outcomes.merge(outcome.get(5, TimeUnit.SECONDS), 1, Integer::sum);
                } catch (java.util.concurrent.TimeoutException e) {
                    fail("parser hung on mutation " + i + ": " + new String(stream, StandardCharsets.UTF_8));
                } catch (java.util.concurrent.ExecutionException e) {
                    fail("mutation " + i + " escaped as " + e.getCause() + " on: "
                            + StreamAssembler.abbreviate(new String(stream, StandardCharsets.UTF_8)), e.getCause());
                }
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MUTATIONS);
        assertThat(outcomes).containsKeys("completion", "ProtocolError");
    }

    @Test
    void unmutatedStreamsAssembleExactly() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            byte[] stream = vllmStream(random);
            Completion c = EventStreamReader.read(response(stream), new StreamAssembler(0), "fuzz");
            assertThat(c.content()).isEqualTo(TEXT.repeat(3));
            assertThat(c.usage()).contains(new Usage(12, 42));
            assertThat(c.toolCalls()).singleElement().satisfies(t -> {
                assertThat(t.name()).isEqualTo("set_timer");
                assertThat(t.arguments()).isEqualTo("{\"minutes\": 5, \"label\": \"ಚಹಾ\"}");
            });
        }
    }

    /** Over real loopback HTTP, written a few bytes at a time so reads split UTF-8 sequences. */
    @Test
    void streamsWrittenInTinyPiecesOverHttpAssembleExactly() throws Exception {
        Random random = new Random(11);
        List<byte[]> streams = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            streams.add(vllmStream(random));
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = streams.get(next.getAndIncrement() % streams.size());
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                Random pieces = new Random(body.length);
                for (int at = 0; at < body.length; ) {
                    int n = Math.min(body.length - at, 1 + pieces.nextInt(3));
                    out.write(body, at, n);
                    out.flush();
                    at += n;
                }
            }
        });
        server.start();
        try (ChatClient client = new ChatClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "m", Optional.empty(), ClientOptions.DEFAULTS)) {
            for (int i = 0; i < streams.size(); i++) {
                Completion c = client.stream(ChatRequest.user("hi"));
                assertThat(c.content()).isEqualTo(TEXT.repeat(3));
                assertThat(c.sawDone()).isTrue();
            }
        } finally {
            server.stop(0);
        }
    }

    private static String parse(byte[] stream) throws IOException {
        try {
            EventStreamReader.read(response(stream), new StreamAssembler(0), "fuzz");
            return "completion";
        } catch (ServerError e) {
            return "ServerError";
        } catch (ProtocolError e) {
            return "ProtocolError";
        } catch (IOException e) {
            return "IOException";
        }
    }

    private static Response response(byte[] body) {
        return new Response.Builder()
                .request(new Request.Builder().url("http://127.0.0.1/v1/chat/completions").build())
                .protocol(Protocol.HTTP_1_1).code(200).message("OK")
                .body(ResponseBody.create(body, MediaType.get("text/event-stream; charset=utf-8")))
                .build();
    }

    /** A stream as vLLM writes it: role chunk, content in pieces, a tool call in fragments, usage, [DONE]. */
    static byte[] vllmStream(Random random) {
        StringBuilder s = new StringBuilder();
        String head = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",";
        s.append(event(head + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"logprobs\":null,\"finish_reason\":null}]}"));
        String text = TEXT.repeat(3);
        int at = 0;
        while (at < text.length()) {
            int n = Math.min(text.length() - at, 1 + random.nextInt(6));
            if (Character.isHighSurrogate(text.charAt(at + n - 1))) {
                n++;
            }
            s.append(event(head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":" + json(text.substring(at, at + n))
                    + "},\"logprobs\":null,\"finish_reason\":null}]}"));
            at += n;
        }
        s.append(event(head + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"id\":\"call_1\",\"type\":"
                + "\"function\",\"index\":0,\"function\":{\"name\":\"set_timer\",\"arguments\":\"\"}}]},"
                + "\"finish_reason\":null}]}"));
        String args = "{\"minutes\": 5, \"label\": \"ಚಹಾ\"}";
        for (int i = 0; i < args.length(); i += 4) {
            s.append(event(head + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":"
                    + "{\"arguments\":" + json(args.substring(i, Math.min(args.length(), i + 4))) + "}}]},"
                    + "\"finish_reason\":null}]}"));
        }
        s.append(event(head + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},\"finish_reason\":\"tool_calls\"}]}"));
        s.append(event(head + "\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"total_tokens\":54,"
                + "\"completion_tokens\":42}}"));
        s.append(event("[DONE]"));
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String event(String data) {
        return "data: " + data + "\n\n";
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static byte[] mutate(byte[] stream, Random random) {
        String s = new String(stream, StandardCharsets.UTF_8);
        return switch (random.nextInt(10)) {
            case 0 -> java.util.Arrays.copyOf(stream, random.nextInt(stream.length)); // truncation, may cut UTF-8
            case 1 -> s.replace("data: [DONE]\n\n", "").getBytes(StandardCharsets.UTF_8);
            case 2 -> s.replace("\n\n", "\n: keep-alive\n\n").getBytes(StandardCharsets.UTF_8);
            case 3 -> insert(s, random, "data: {\"x\":\"" + "y".repeat(1 << 18) + "\"}\n\n");
            case 4 -> flip(stream, random);
            case 5 -> s.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            case 6 -> insert(s, random, "data: {not json\n\n");
            case 7 -> insert(s, random, "data: {\"error\":{\"message\":\"boom\",\"type\":\"InternalServerError\","
                    + "\"code\":500}}\n\n");
            case 8 -> s.replaceFirst("\"choices\":\\[\\{", "\"choices\":[7,{").getBytes(StandardCharsets.UTF_8);
            default -> insert(s, random, "event: ping\nid: 3\nretry: 10\ndata: \n\n");
        };
    }

    private static byte[] insert(String s, Random random, String piece) {
        int boundary = s.indexOf("\n\n", random.nextInt(Math.max(1, s.length() - 2)));
        int at = boundary < 0 ? s.length() : boundary + 2;
        return (s.substring(0, at) + piece + s.substring(at)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] flip(byte[] stream, Random random) {
        byte[] copy = stream.clone();
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }
}
