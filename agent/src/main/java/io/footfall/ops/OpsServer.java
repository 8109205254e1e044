package io.footfall.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.footfall.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP side of the operations endpoint: the JDK's {@link HttpServer} on a small pool of its own daemon threads,
 * GET and HEAD only. Routing and answers come from a {@link Routes}; this class does sockets, methods, headers and
 * errors. Stops within the shutdown deadline and leaves no thread behind.
 */
final class OpsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    /** Two threads: a scrape and a page refresh at once; more requests queue, then run on the accepting thread. */
    private static final int THREADS = 2;
    /**
     * Seconds a request may take to arrive, and its answer to leave. The JDK's server waits for ever by default, so a
     * client on the store's network that sends half a request (or a body that never ends) holds a thread: a few dozen
     * such clients and the endpoint no longer answers. A scrape or a page takes milliseconds.
     */
    static final long REQUEST_SECONDS = 5;

    static {
        // Read once, when the JDK's server classes load: set before the first server is made, unless set on the
        // command line.
        for (String p : new String[]{"sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxRspTime"}) {
            if (System.getProperty(p) == null) {
                System.setProperty(p, Long.toString(REQUEST_SECONDS));
            }
        }
    }

    /** One answer. {@code body} is sent for GET and left out for HEAD. */
    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        static Response json(int status, String json) {
            return new Response(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        static Response text(int status, String contentType, String text) {
            return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    /** Answers a GET (or HEAD) of a path. */
    interface Routes {
        Response get(String path) throws IOException;
    }

    private final HttpServer server;
    private final ThreadPoolExecutor pool;
    private final Routes routes;

    private OpsServer(HttpServer server, ThreadPoolExecutor pool, Routes routes) {
        this.server = server;
        this.pool = pool;
        this.routes = routes;
    }

    /**
     * Binds the port (nothing is served until {@link #start()}).
     *
     * @throws BadInputException the port is taken or the address is not this machine's, naming the setting
     */
    static OpsServer bind(String address, int port, Routes routes) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 16);
        } catch (IOException e) {
            throw bindError(address, port, e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32),
                r -> {
                    Thread t = new Thread(r, "ops-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        pool.allowCoreThreadTimeOut(true);
        server.setExecutor(pool);
        OpsServer ops = new OpsServer(server, pool, routes);
        server.createContext("/", ops::handle);
        return ops;
    }

    /**
     * Checks that the port can be bound, without keeping it: the agent asks before it writes anything, so a port
     * already taken leaves no data folder behind.
     */
    static void checkFree(String address, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            throw bindError(address, port, e);
        }
    }

    private static BadInputException bindError(String address, int port, IOException e) {
        if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
            return new BadInputException("operations endpoint: port " + port + " on " + address + " is already in use "
                    + "(another footfall agent, an IoT Edge module or another program listens there); set ops.port in the "
                    + "configuration (footfall run: --ops-port) to a free port, or ops.enabled: false to turn it off", e);
        }
        return new BadInputException("operations endpoint: cannot listen on " + address + ":" + port + " (ops.bind, ops.port): "
                + e.getMessage() + "; expected an address of this machine such as 127.0.0.1 or 0.0.0.0", e);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String host() {
        return server.getAddress().getAddress().getHostAddress();
    }

    /** Stops listening at once, lets running requests finish within the deadline, then ends the threads. */
    void stop(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        // stop(0): close the listener and the dispatcher now; JDK 17's stop(n) waits the whole n seconds.
        server.stop(0);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                pool.shutdownNow();
                log.warn("event=ops_slow_to_stop note=\"requests still running at the deadline were abandoned\"");
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(2));
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            String method = ex.getRequestMethod();
            boolean head = "HEAD".equals(method);
            Response r;
            if (!head && !"GET".equals(method)) {
                r = new Response(405, "application/json; charset=utf-8",
                        "{\"error\":\"method not allowed; use GET or HEAD\"}".getBytes(StandardCharsets.UTF_8),
                        Map.of("Allow", "GET, HEAD"));
            } else {
                r = answer(ex.getRequestURI().getPath());
            }
            send(ex, r, head);
        } catch (IOException e) {
            // the client went away mid-answer: nothing to tell it
            log.debug("event=ops_request_aborted error=\"{}\"", e.getMessage());
        }
    }

    private Response answer(String path) {
        try {
            return routes.get(path);
        } catch (IOException | RuntimeException e) {
            log.warn("event=ops_request_failed path={} error=\"{}\"", path, e.toString());
            return Response.json(500, "{\"error\":\"internal error; see the agent's log (event=ops_request_failed)\"}");
        }
    }

    private static void send(HttpExchange ex, Response r, boolean head) throws IOException {
        // A GET has no body to read: what a client sends anyway is left to the server, which reads a little of it
        // to keep the connection, else closes it; reading it here to its end would wait on a body that never ends.
        var h = ex.getResponseHeaders();
        h.set("Content-Type", r.contentType());
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        // The page loads its own script, style and frames only; nothing else, and it is never framed.
        h.set("Content-Security-Policy", "default-src 'none'; img-src 'self'; script-src 'self'; "
                + "style-src 'self' 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'");
        r.headers().forEach(h::set);
        if (head) {
            h.set("Content-Length", String.valueOf(r.body().length));
            ex.sendResponseHeaders(r.status(), -1);
            return;
        }
        ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        if (r.body().length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }
}
