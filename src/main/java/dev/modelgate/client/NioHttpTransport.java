package dev.modelgate.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP/1.1 over plain TCP (an {@code http://} server) for many exchanges at once, on one selector
 * thread and no thread per exchange. A request is written on the thread that sends it, at once,
 * when an idle kept-alive connection is free (a small request fits the socket's buffer; the rest of
 * a large one is written by the selector thread); otherwise a new connection is opened without
 * blocking and the selector thread writes the request as soon as it is connected. The selector
 * thread reads every response, takes one {@link System#nanoTime()} per read for the bytes it
 * brought, and hands them on parsed ({@link Http1ResponseParser}). A connection whose response
 * ended cleanly goes back to the idle pool before its listener hears of the end, so that a request
 * sent from that callback reuses it. An idle connection the server closes leaves the pool when the
 * close is read; a request written to one the server closed in the meantime (no byte of response,
 * the connection had served before) is sent once more on a new connection, as browsers and
 * OkHttp do. No pipelining, no cap on connections.
 */
final class NioHttpTransport implements StreamTransport {

    private static final int READ_BUFFER = 64 * 1024;

    private final InetSocketAddress address;
    private final String hostHeader;
    private final Selector selector;
    private final Thread loop;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();
    private volatile boolean open = true;

    NioHttpTransport(URI baseUrl, String threadName) {
        if (!"http".equalsIgnoreCase(baseUrl.getScheme())) {
            throw new IllegalArgumentException("plain HTTP only, not " + baseUrl.getScheme() + ": " + baseUrl);
        }
        int port = baseUrl.getPort() < 0 ? 80 : baseUrl.getPort();
        this.address = new InetSocketAddress(baseUrl.getHost(), port);
        this.hostHeader = baseUrl.getHost() + (baseUrl.getPort() < 0 ? "" : ":" + port);
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector: " + e.getMessage(), e);
        }
        this.loop = new Thread(this::run, threadName);
        loop.setDaemon(true);
        loop.start();
    }

    /** Connections open now, idle or busy. */
    int connections() {
        return all.size();
    }

    @Override
    public Runnable send(WireRequest request, ExchangeListener listener) {
        Attempt attempt = new Attempt(encode(request), listener);
        dispatch(attempt, false);
        return attempt::cancel;
    }

    @Override
    public void openConnections(int n, WireRequest probe, Duration wait) {
        byte[] bytes = encode(probe);
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            dispatch(new Attempt(bytes, new ExchangeListener() {
                @Override
                public void sent(long nanos) {
                }

                @Override
                public void headers(int status, Map<String, String> headers, long nanos) {
                }

                @Override
                public void body(ByteBuffer b, long nanos) {
                }

                @Override
                public void end(long nanos) {
                    done.countDown();
                }

                @Override
                public void failed(Throwable cause) {
                    done.countDown(); // only a warm-up: the measured requests will report what is wrong
                }
            }), true);
        }
        try {
            done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] encode(WireRequest request) {
        URI uri = request.uri();
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder head = new StringBuilder(256)
                .append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(hostHeader).append("\r\n");
        request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (request.body().length > 0 || !request.method().equals("GET")) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[headBytes.length + request.body().length];
        System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
        System.arraycopy(request.body(), 0, bytes, headBytes.length, request.body().length);
        return bytes;
    }

    /** Writes {@code attempt} on an idle connection, or opens one for it. */
    private void dispatch(Attempt attempt, boolean fresh) {
        if (attempt.over) {
            return;
        }
        if (!open) {
            attempt.fail(new IOException("the transport is closed"));
            return;
        }
        if (!fresh) {
            Connection c;
            while ((c = idle.pollFirst()) != null) {
                if (c.claim(attempt)) {
                    c.write();
                    return;
                }
            }
        }
        Connection c;
        try {
            c = new Connection(SocketChannel.open());
        } catch (IOException e) {
            attempt.fail(e);
            return;
        }
        c.claim(attempt);
        c.connect();
    }

    private void run() {
        try {
            while (open) {
                selector.select(this::ready, 1000);
            }
        } catch (IOException | ClosedSelectorException e) {
            // closing
        } finally {
            for (Connection c : all) {
                c.close(new IOException("the transport was closed"));
            }
            try {
                selector.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }

    private void ready(SelectionKey key) {
        Connection c = (Connection) key.attachment();
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isConnectable()) {
                c.connected(key);
            }
            if (key.isValid() && key.isWritable()) {
                c.writeRest();
            }
            if (key.isValid() && key.isReadable()) {
                c.read();
            }
        } catch (IOException e) {
            c.broken(e);
        } catch (RuntimeException e) {
            c.close(e);
        }
    }

    private void wakeIfAway() {
        if (Thread.currentThread() != loop) {
            selector.wakeup();
        }
    }

    @Override
    public void close() {
        open = false;
        selector.wakeup();
        if (Thread.currentThread() == loop) {
            return; // closed from a listener: the loop ends when this call returns
        }
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request on its way: its bytes, its listener, and whether it was already sent once more. */
    private final class Attempt {
        final byte[] bytes;
        final ExchangeListener listener;
        volatile Connection on;
        volatile boolean over;
        boolean retried;

        Attempt(byte[] bytes, ExchangeListener listener) {
            this.bytes = bytes;
            this.listener = listener;
        }

        void fail(Throwable cause) {
            if (!over) {
                over = true;
                listener.failed(cause);
            }
        }

        void cancel() {
            over = true;
            Connection c = on;
            if (c != null) {
                c.close(null);
            }
        }
    }

    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;

    /** One kept-alive connection: idle in the pool or carrying one attempt. */
    private final class Connection implements Http1ResponseParser.Listener {
        final SocketChannel channel;
        final AtomicInteger state = new AtomicInteger(BUSY);
        final Http1ResponseParser parser = new Http1ResponseParser();
        volatile SelectionKey key;
        volatile Attempt attempt;
        ByteBuffer unwritten; // guarded by this
        volatile int served;
        long readNanos;
        boolean ended;

        Connection(SocketChannel channel) {
            this.channel = channel;
            all.add(this);
        }

        /** Takes the connection for {@code a}; false when it was closed meanwhile. */
        boolean claim(Attempt a) {
            int now = state.get();
            if (now == CLOSED || now == IDLE && !state.compareAndSet(IDLE, BUSY)) {
                return false;
            }
            attempt = a;
            a.on = this;
            if (state.get() == CLOSED) {
                attempt = null;
                return false;
            }
            return true;
        }

        void connect() {
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (channel.connect(address)) {
                    key = channel.register(selector, SelectionKey.OP_READ, this);
                    wakeIfAway();
                    write();
                } else {
                    key = channel.register(selector, SelectionKey.OP_CONNECT, this);
                    wakeIfAway();
                }
            } catch (IOException e) {
                close(e);
            }
        }

        /** On the selector thread: the connection is up, or refused. */
        void connected(SelectionKey ready) throws IOException {
            key = ready; // the registering thread may not have stored it yet
            channel.finishConnect();
            ready.interestOps(SelectionKey.OP_READ);
            write();
        }

        /** Writes the attempt's request; what the socket does not take now the selector thread writes later. */
        void write() {
            Attempt a = attempt;
            if (a == null) {
                return;
            }
            synchronized (this) {
                try {
                    ByteBuffer buffer = ByteBuffer.wrap(a.bytes);
                    a.listener.sent(System.nanoTime());
                    channel.write(buffer);
                    if (buffer.hasRemaining()) {
                        unwritten = buffer;
                        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                        wakeIfAway();
                    }
                } catch (IOException e) {
                    broken(e);
                }
            }
        }

        void writeRest() throws IOException {
            synchronized (this) {
                if (unwritten != null) {
                    channel.write(unwritten);
                    if (!unwritten.hasRemaining()) {
                        unwritten = null;
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
            }
        }

        void read() throws IOException {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            readNanos = System.nanoTime();
            if (n < 0) {
                endOfStream();
                return;
            }
            readBuffer.flip();
            Attempt a = attempt;
            if (a == null || state.get() == IDLE) {
                // bytes nobody asked for on an idle connection: it cannot be trusted again
                close(null);
                return;
            }
            try {
                parser.feed(readBuffer, this);
            } catch (Http1ResponseParser.MalformedResponse e) {
                close(new ProtocolError("a broken HTTP response from " + address + ": " + e.getMessage(), e));
                return;
            }
            if (ended) {
                finished(a);
            }
        }

        private void endOfStream() {
            Attempt a = attempt;
            if (a == null || state.get() == IDLE) {
                close(null);
                return;
            }
            try {
                parser.endOfStream(this);
                if (ended) {
                    finished(a);
                }
                close(null);
            } catch (Http1ResponseParser.MalformedResponse e) {
                broken(new IOException(e.getMessage(), e));
            }
        }

        /** A failed write or read: sent once more when the server closed a reused connection before answering. */
        void broken(IOException e) {
            Attempt a = attempt;
            boolean again = a != null && !a.over && !a.retried && served > 0 && !parser.started();
            if (again) {
                a.retried = true;
                attempt = null;
                close(null);
                dispatch(a, true);
            } else {
                close(e);
            }
        }

        /** The response ended: back to the pool (or closed), then the listener is told. */
        private void finished(Attempt a) {
            ended = false;
            served++;
            boolean stopped = a.over;
            boolean reuse = parser.keepAlive() && !readBuffer.hasRemaining() && open && !stopped;
            a.over = true;
            parser.reset();
            attempt = null;
            a.on = null;
            if (reuse) {
                state.set(IDLE);
                idle.addFirst(this);
            } else {
                close(null);
            }
            if (!stopped) {
                a.listener.end(readNanos);
            }
        }

        @Override
        public void headers(int status, Map<String, String> headers) {
            Attempt a = attempt;
            if (a != null && !a.over) {
                a.listener.headers(status, headers, readNanos);
            }
        }

        @Override
        public void body(ByteBuffer bytes) {
            Attempt a = attempt;
            if (a != null && !a.over) {
                a.listener.body(bytes, readNanos);
            }
        }

        @Override
        public void end() {
            ended = true;
        }

        /** Closes the connection; its attempt, if any, fails with {@code cause} (none: it was stopped or done). */
        void close(Throwable cause) {
            if (state.getAndSet(CLOSED) == CLOSED) {
                return;
            }
            all.remove(this);
            idle.remove(this);
            try {
                channel.close();
            } catch (IOException e) {
                // closed either way
            }
            Attempt a = attempt;
            if (a != null) {
                a.fail(cause != null ? cause : new IOException("the connection to " + address + " was closed"));
            }
        }
    }
}
