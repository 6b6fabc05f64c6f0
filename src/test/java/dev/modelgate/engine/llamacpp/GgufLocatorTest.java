package dev.modelgate.engine.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.modelgate.catalog.Candidate;
import dev.modelgate.catalog.EngineSpec;
import dev.modelgate.catalog.Secret;
import dev.modelgate.engine.BootFailure;
import dev.modelgate.engine.Ports;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads, checksums and the cache, against a Hub stand-in on loopback serving the real model file. */
class GgufLocatorTest {

    private static final String SHA256 = "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d";
    private static final String REFERENCE = "hf://acme/tiny-stories/gguf/stories260K.gguf";
    private static final String TOKEN = "hf_test_token_4f9a1c";

    @TempDir
    Path cache;
    @TempDir
    Path dir;

    private HttpServer hub;
    private final AtomicInteger downloads = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> console = new ArrayList<>();
    private byte[] served;

    @BeforeEach
    void startHub() throws IOException {
        served = Files.readAllBytes(GgufFileTest.STORIES);
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        hub.createContext("/acme/tiny-stories/resolve/main/gguf/stories260K.gguf", exchange -> {
            downloads.incrementAndGet();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, served.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(served);
            }
        });
        hub.createContext("/acme/gated/", exchange -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.stop(0);
    }

    @Test
    void downloadsOnceChecksTheChecksumAndReusesTheCache() throws IOException {
        GgufLocator locator = locator(Optional.of(new Secret(TOKEN)));

        Path first = locator.locate(candidate(REFERENCE, SHA256));
        Path second = locator.locate(candidate(REFERENCE, SHA256));

        assertThat(first).isEqualTo(cache.resolve("gguf").resolve(SHA256).resolve("stories260K.gguf"));
        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllBytes(first)).isEqualTo(served);
        assertThat(GgufLocator.sha256Of(first)).isEqualTo(SHA256);
        assertThat(downloads).hasValue(1);
        assertThat(authorizations).containsExactly("Bearer " + TOKEN);
        assertThat(console).anySatisfy(l -> assertThat(l).contains("SHA-256 verified"))
                .anySatisfy(l -> assertThat(l).contains("using cached"))
                .noneSatisfy(l -> assertThat(l).contains(TOKEN));
    }

    @Test
    void sendsNoAuthorizationWithoutAToken() {
        locator(Optional.empty()).locate(candidate(REFERENCE, SHA256));

        assertThat(authorizations).containsExactly("null");
    }

    @Test
    void keepsNothingWhenTheChecksumDiffers() throws IOException {
        String wrong = "0".repeat(64);

        assertThatThrownBy(() -> locator(Optional.empty()).locate(candidate(REFERENCE, wrong)))
                .isInstanceOfSatisfying(BootFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(BootFailure.Kind.INVALID);
                    assertThat(e.getMessage()).contains("has SHA-256 " + SHA256 + " but engine.sha256 says " + wrong)
                            .contains("it was not kept");
                });
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.filter(f -> f.toString().contains(".gguf"))).isEmpty();
        }
        // a corrected checksum downloads again rather than trusting anything left behind
        locator(Optional.empty()).locate(candidate(REFERENCE, SHA256));
        assertThat(downloads).hasValue(2);
    }

    @Test
    void explainsAFailedDownload() {
        assertThatThrownBy(() -> locator(Optional.empty()).locate(candidate("hf://acme/tiny-stories/missing.gguf", SHA256)))
                .isInstanceOfSatisfying(BootFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(BootFailure.Kind.UNREACHABLE);
                    assertThat(e.getMessage()).contains("answered HTTP 404").contains("No such file");
                });
        assertThatThrownBy(() -> locator(Optional.empty()).locate(candidate("hf://acme/gated/model.gguf", SHA256)))
                .hasMessageContaining("HTTP 401").hasMessageContaining("set HF_TOKEN");
    }

    @Test
    void saysWhatToDoWhenOffline() {
        GgufLocator offline = new GgufLocator(cache, "http://127.0.0.1:" + Ports.free(), Optional.empty(), console::add);

        assertThatThrownBy(() -> offline.locate(candidate(REFERENCE, SHA256)))
                .isInstanceOfSatisfying(BootFailure.class, e -> {
                    assertThat(e.kind()).isEqualTo(BootFailure.Kind.UNREACHABLE);
                    assertThat(e.getMessage()).contains("may be offline").contains("set engine.gguf to its local path")
                            .contains(cache.resolve("gguf").resolve(SHA256).resolve("stories260K.gguf").toString());
                });
    }

    @Test
    void requiresAChecksumForHubFiles() {
        assertThatThrownBy(() -> locator(Optional.empty()).locate(candidate(REFERENCE, null)))
                .hasMessageContaining("needs engine.sha256");
        assertThatThrownBy(() -> locator(Optional.empty()).locate(candidate("hf://acme/file.gguf", SHA256)))
                .hasMessageContaining("write hf://owner/repo/path/to/file.gguf");
    }

    @Test
    void resolvesRelativePathsAgainstTheCandidateFile() throws IOException {
        Path models = Files.createDirectories(dir.resolve("catalogue/models"));
        Path gguf = Files.createDirectories(dir.resolve("catalogue/weights")).resolve("tiny.gguf");
        Files.write(gguf, served);
        Candidate candidate = candidate("../weights/tiny.gguf", SHA256, Optional.of(models.resolve("tiny.yaml")));

        assertThat(locator(Optional.empty()).locate(candidate)).isEqualTo(gguf);
    }

    @Test
    void checksLocalFilesAgainstTheirChecksum() throws IOException {
        Path gguf = Files.write(dir.resolve("tiny.gguf"), served);

        assertThat(locator(Optional.empty()).locate(candidate(gguf.toString(), SHA256))).isEqualTo(gguf);
        assertThatThrownBy(() -> locator(Optional.empty()).locate(candidate(gguf.toString(), "1".repeat(64))))
                .hasMessageContaining("is not the one the candidate names");
        assertThatThrownBy(() -> locator(Optional.empty()).locate(candidate(dir.resolve("absent.gguf").toString(), null)))
                .hasMessageContaining("does not exist");
    }

    private GgufLocator locator(Optional<Secret> token) {
        return new GgufLocator(cache, "http://127.0.0.1:" + hub.getAddress().getPort(), token, console::add);
    }

    private static Candidate candidate(String gguf, String sha256) {
        return candidate(gguf, sha256, Optional.empty());
    }

    private static Candidate candidate(String gguf, String sha256, Optional<Path> source) {
        EngineSpec spec = new EngineSpec("llamacpp", null, null, null, null, null, gguf, sha256, null, null, null,
                null);
        return new Candidate("tiny", "tiny", false, List.of(), null, spec, 60, null, null, null, source);
    }
}
