package dev.modelgate.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Reads the lines of a {@code text/event-stream} body as they arrive, without a thread of its
 * own: each {@code data:} event goes to a {@link StreamAssembler} with the {@link System#nanoTime()}
 * of the moment its line was handed over by the socket reader. Multi-line data is joined with
 * {@code \n}; comments ({@code :…}) and the {@code event}, {@code id} and {@code retry} fields are
 * skipped. The outcome goes to {@link #result()}: the completion, or the client's own exceptions
 * ({@link ServerError}, {@link ProtocolError}) and transport failures as they were thrown.
 */
final class EventStreamSubscriber implements Flow.Subscriber<String> {

    private final StreamAssembler assembler;
    private final String source;
    private final CompletableFuture<Completion> result;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private volatile long lastActivityNanos;
    private volatile Flow.Subscription subscription;

    EventStreamSubscriber(StreamAssembler assembler, String source, CompletableFuture<Completion> result) {
        this.assembler = assembler;
        this.source = source;
        this.result = result;
        this.lastActivityNanos = System.nanoTime();
    }

    /** When the last line arrived (or the subscriber was made): a stalled stream stops moving it. */
    long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** Stops reading (a timeout or a failure elsewhere); the connection is closed, not reused. */
    void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(String line) {
        long now = System.nanoTime();
        lastActivityNanos = now;
        if (result.isDone()) {
            return;
        }
        if (line.isEmpty()) {
            if (hasData) {
                String event = data.toString();
                data.setLength(0);
                hasData = false;
                dispatch(event, now);
            }
            return;
        }
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        if (!"data".equals(field)) {
            return;
        }
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        if (hasData) {
            data.append('\n');
        }
        data.append(value);
        hasData = true;
    }

    private void dispatch(String event, long arrivalNanos) {
        try {
            assembler.accept(event, arrivalNanos);
        } catch (ServerError | ProtocolError e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new ProtocolError("unreadable stream event: " + e, e));
        }
    }

    private void fail(RuntimeException e) {
        if (result.completeExceptionally(e)) {
            cancel();
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        long end = System.nanoTime();
        if (result.isDone()) {
            return;
        }
        if (!assembler.done()) {
            result.completeExceptionally(new ProtocolError("stream from " + source
                    + " ended without data: [DONE] (connection closed early)"));
            return;
        }
        result.complete(assembler.finish(end));
    }
}
