package dev.imageautomation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real git servers for integration and end-to-end tests, started as plain processes on 127.0.0.1 free ports with
 * all data in a temp directory, and stopped (with their children) by {@link #close()}:
 * <ul>
 *   <li>{@code git daemon} (git://, anonymous, push enabled);</li>
 *   <li>lighttpd + {@code git http-backend}: HTTP and HTTPS with Basic auth, HTTPS with a required client
 *       certificate (plus Basic auth), an {@code /app/} path that wants a GitHub App token as Basic auth, and a
 *       {@code /bearer/} path that wants {@code Authorization: Bearer};</li>
 *   <li>sshd with key-only login as the current user.</li>
 * </ul>
 * TLS uses a private CA made with openssl. Credentials are random per start. Usage:
 * <pre>{@code
 * try (GitServers servers = GitServers.start()) {
 *     servers.createRepository("app", Map.of("deploy.yaml", "image: app:v1\n"));
 *     String url = servers.httpsUrl("app");   // + servers.httpUser(), httpPassword(), caCertificate()
 * }
 * }</pre>
 * Needs git, lighttpd (+ mod_openssl), openssh-server and openssl: run {@code scripts/install-test-deps.sh}.
 */
public final class GitServers implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(15);

    private final Path root;
    private final Path repositories;
    private final TestCertificates tls;
    private final String httpUser = "gituser";
    private final String httpPassword = randomSecret();
    private final String bearerToken = randomSecret();
    private final String appToken = "ghs_" + randomSecret();
    private final List<Process> processes = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopProcesses, "git-servers-stop");
    private int daemonPort;
    private int httpPort;
    private int httpsPort;
    private int mtlsPort;
    private int sshPort;
    private SshKeys ssh;

    private GitServers(Path root) throws IOException {
        this.root = root;
        this.repositories = Files.createDirectories(root.resolve("repos"));
        this.tls = TestCertificates.create(Files.createDirectories(root.resolve("tls")));
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts every server; fails with a clear message when a tool is missing. */
    public static GitServers start() {
        Path root;
        try {
            root = Files.createTempDirectory("git-servers");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GitServers servers = null;
        try {
            servers = new GitServers(root);
            servers.startDaemon();
            servers.startLighttpd();
            servers.startSshd();
            return servers;
        } catch (IOException | RuntimeException e) {
            if (servers != null) {
                servers.close();
            }
            throw new IllegalStateException("starting the test git servers failed (missing tools? run "
                    + "scripts/install-test-deps.sh): " + e.getMessage(), e);
        }
    }

    /** Creates a bare repository {@code name}.git whose {@code main} has one commit with {@code files}. */
    public Path createRepository(String name, Map<String, String> files) {
        Path bare = bareRepository(name);
        GitCli.git(root, "init", "-q", "--bare", "-b", "main", bare.toString());
        GitCli.git(bare, "config", "receive.advertisePushOptions", "true");
        if (!files.isEmpty()) {
            Path seed = root.resolve("seed-" + name);
            GitCli.git(root, "init", "-q", "-b", "main", seed.toString());
            files.forEach((path, content) -> write(seed.resolve(path), content));
            GitCli.git(seed, "add", "-A");
            GitCli.git(seed, "commit", "-q", "-m", "initial");
            GitCli.git(seed, "push", "-q", bare.toString(), "main");
            deleteRecursively(seed);
        }
        return bare;
    }

    public Path bareRepository(String name) {
        return repositories.resolve(name + ".git");
    }

    public Path root() {
        return root;
    }

    public String daemonUrl(String name) {
        return "git://127.0.0.1:" + daemonPort + "/" + name + ".git";
    }

    public String httpUrl(String name) {
        return "http://127.0.0.1:" + httpPort + "/git/" + name + ".git";
    }

    public String httpsUrl(String name) {
        return "https://127.0.0.1:" + httpsPort + "/git/" + name + ".git";
    }

    /** HTTPS that requires the client certificate {@link #clientCertificate()} and Basic auth. */
    public String mutualTlsUrl(String name) {
        return "https://127.0.0.1:" + mtlsPort + "/git/" + name + ".git";
    }

    /** HTTPS path that accepts only Basic {@code x-access-token:<appToken()>}, as GitHub does for App tokens. */
    public String appTokenUrl(String name) {
        return "https://127.0.0.1:" + httpsPort + "/app/" + name + ".git";
    }

    /** HTTPS path that requires {@code Authorization: Bearer <bearerToken()>}. */
    public String bearerUrl(String name) {
        return "https://127.0.0.1:" + httpsPort + "/bearer/" + name + ".git";
    }

    public String sshUrl(String name) {
        return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + sshPort + bareRepository(name);
    }

    public String httpUser() {
        return httpUser;
    }

    public String httpPassword() {
        return httpPassword;
    }

    public String bearerToken() {
        return bearerToken;
    }

    /** The GitHub App installation token {@link #appTokenUrl} accepts (with user {@code x-access-token}). */
    public String appToken() {
        return appToken;
    }

    public String caCertificate() {
        return tls.caCertificate();
    }

    /** The private CA and the 127.0.0.1 server certificate, for other test servers that git clients must trust. */
    public TestCertificates certificates() {
        return tls;
    }

    public String clientCertificate() {
        return tls.clientCertificate();
    }

    public String clientKey() {
        return tls.clientKey();
    }

    /** The OpenSSH private key allowed to log in. */
    public String sshIdentity() {
        return ssh.clientPrivateKey();
    }

    /** A known_hosts line for the sshd host key in {@code [127.0.0.1]:port} form. */
    public String sshKnownHosts() {
        return ssh.knownHostsLine("[127.0.0.1]:" + sshPort);
    }

    /** Lets another public key (OpenSSH one-line format) log in, e.g. one protected by a passphrase. */
    public void authorizeSshKey(String publicKeyLine) {
        try {
            Files.writeString(ssh.authorizedKeys(), publicKeyLine.trim() + "\n", java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Generates an ed25519 key pair in {@code directory} with ssh-keygen; returns the private key file. */
    public static Path generateSshKey(Path directory, String name, String passphrase) {
        Path key = directory.resolve(name);
        SshKeys.generate(key, name, passphrase);
        return key;
    }

    /** A known_hosts line that names this server but with another key: a host that must be refused. */
    public String sshKnownHostsWithWrongKey() {
        return ssh.otherKnownHostsLine("[127.0.0.1]:" + sshPort);
    }

    private void startDaemon() throws IOException {
        daemonPort = freePort();
        String gitExec = GitCli.git(root, "--exec-path").trim();
        start("git-daemon", List.of(gitExec + "/git-daemon", "--listen=127.0.0.1", "--port=" + daemonPort,
                "--base-path=" + repositories, "--export-all", "--enable=receive-pack", "--reuseaddr",
                "--informative-errors"), daemonPort);
    }

    private void startLighttpd() throws IOException {
        httpPort = freePort();
        httpsPort = freePort();
        mtlsPort = freePort();
        Path http = Files.createDirectories(root.resolve("http"));
        Files.createDirectories(http.resolve("www"));
        Files.createDirectories(http.resolve("tmp"));
        GitCli.run(http, Map.of(), List.of("htpasswd", "-Bbc", http.resolve("htpasswd").toString(),
                httpUser, httpPassword));
        GitCli.run(http, Map.of(), List.of("htpasswd", "-Bbc", http.resolve("htpasswd-app").toString(),
                "x-access-token", appToken));
        Path config = http.resolve("lighttpd.conf");
        Files.writeString(config, LighttpdConfig.render(http, repositories, tls, httpPort, httpsPort, mtlsPort,
                bearerToken));
        GitCli.run(http, Map.of(), List.of("lighttpd", "-tt", "-f", config.toString()));
        start("lighttpd", List.of("lighttpd", "-D", "-f", config.toString()), httpPort, httpsPort, mtlsPort);
    }

    private void startSshd() throws IOException {
        sshPort = freePort();
        Path dir = Files.createDirectories(root.resolve("ssh"));
        ssh = SshKeys.create(dir);
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "ListenAddress 127.0.0.1", "Port " + sshPort, "HostKey " + ssh.hostKey(),
                "PidFile " + dir.resolve("sshd.pid"), "AuthorizedKeysFile " + ssh.authorizedKeys(),
                "PubkeyAuthentication yes", "PasswordAuthentication no", "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password", "StrictModes no", "UsePAM no",
                "AllowUsers " + System.getProperty("user.name"), "X11Forwarding no", "AllowTcpForwarding no",
                "PrintMotd no", ""));
        Files.createDirectories(Path.of("/run/sshd"));
        start("sshd", List.of("/usr/sbin/sshd", "-D", "-e", "-f", config.toString()), sshPort);
    }

    private void start(String name, List<String> command, int... ports) throws IOException {
        Path log = root.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        GitCli.cleanEnvironment(builder.environment());
        Process process = builder.start();
        processes.add(process);
        Instant deadline = Instant.now().plus(STARTUP);
        for (int port : ports) {
            while (!accepts(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(name + " did not start; its log:\n" + Files.readString(log));
                }
                sleep(20);
            }
        }
    }

    @Override
    public void close() {
        stopProcesses();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
        deleteRecursively(root);
        if (Files.exists(root)) {
            deleteRecursively(root); // a file may have appeared while the first pass ran
        }
    }

    private synchronized void stopProcesses() {
        for (Process process : processes) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            children.forEach(ProcessHandle::destroy);
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            // wait for the children too (CGI backends, per-connection daemons) so none writes while we delete
            children.forEach(child -> {
                try {
                    child.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception stillRunning) {
                    // destroyForcibly was sent; nothing more to do
                }
            });
        }
        processes.clear();
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "s3cr3t-" + HexFormat.of().formatHex(bytes);
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
