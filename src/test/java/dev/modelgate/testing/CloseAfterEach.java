package dev.modelgate.testing;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a test opened (servers, processes, clients), closed after it in the order it was added.
 * Register it with {@code @RegisterExtension}.
 */
public final class CloseAfterEach implements AfterEachCallback {

    private final List<AutoCloseable> open = new ArrayList<>();

    /** Closes this after the test; returns it. */
    public <T extends AutoCloseable> T add(T closeable) {
        open.add(closeable);
        return closeable;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            for (AutoCloseable c : open) {
                c.close();
            }
        } finally {
            open.clear();
        }
    }
}
