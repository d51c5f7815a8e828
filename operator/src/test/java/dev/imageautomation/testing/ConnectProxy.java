package dev.imageautomation.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal HTTP {@code CONNECT} proxy on 127.0.0.1 for tests: tunnels bytes to the requested host, optionally
 * demands Basic proxy credentials (407 until they are right), and records every tunnel it opened.
 */
public final class ConnectProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String requiredAuthorization;
    private final List<String> tunnels = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private ConnectProxy(String user, String password) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.requiredAuthorization = user == null ? null : "basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)).toLowerCase(Locale.ROOT);
        Thread acceptor = new Thread(this::acceptLoop, "connect-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy that lets everyone through. */
    public static ConnectProxy open() throws IOException {
        return new ConnectProxy(null, null);
    }

    /** A proxy that wants {@code Proxy-Authorization: Basic user:password}. */
    public static ConnectProxy requiringBasicAuth(String user, String password) throws IOException {
        return new ConnectProxy(user, password);
    }

    public String address() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** {@code host:port} of every tunnel opened, in order. */
    public List<String> tunnels() {
        return List.copyOf(tunnels);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                Thread handler = new Thread(() -> handle(client), "connect-proxy-client");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    client.close();
                    return;
                }
                String[] requestLine = head.split("\r\n", 2)[0].split(" ");
                if (!requestLine[0].equals("CONNECT")) {
                    reply(out, "405 Method Not Allowed");
                    client.close();
                    return;
                }
                if (requiredAuthorization != null && !authorized(head)) {
                    reply(out, "407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"proxy\"");
                    continue;
                }
                tunnel(client, requestLine[1]);
                return;
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private boolean authorized(String head) {
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("proxy-authorization:")) {
                return lower.substring("proxy-authorization:".length()).trim().equals(requiredAuthorization);
            }
        }
        return false;
    }

    private void tunnel(Socket client, String target) throws IOException {
        int colon = target.lastIndexOf(':');
        Socket upstream = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        sockets.add(upstream);
        tunnels.add(target);
        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Thread up = new Thread(() -> pump(client, upstream), "connect-proxy-up");
        up.setDaemon(true);
        up.start();
        pump(upstream, client);
    }

    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void reply(OutputStream out, String status) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(ConnectProxy::closeQuietly);
    }
}
