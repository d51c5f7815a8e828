package dev.imageautomation.testing;

import dev.imageautomation.testing.RegistryServer.Mode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Starting and stopping the {@code docker-registry} child process behind {@link RegistryServer}. */
final class RegistryProcess {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final int START_ATTEMPTS = 3;

    private RegistryProcess() {
    }

    static RegistryServer start(Mode mode, Path dir) throws IOException {
        String registry = RegistryServer.requireTool("docker-registry");
        RegistryCertificates certs = mode == Mode.TLS || mode == Mode.MUTUAL_TLS
                ? RegistryCertificates.create(dir.resolve("tls")) : null;
        RegistryTokenServer tokens = mode == Mode.TOKEN ? RegistryTokenServer.start(
                RegistryCertificates.createTokenSigner(dir.resolve("token")), RegistryServer.USERNAME,
                RegistryServer.PASSWORD, RegistryServer.IDENTITY_TOKEN, 300) : null;
        if (mode == Mode.HTPASSWD || mode == Mode.TLS) {
            writeHtpasswd(dir.resolve("htpasswd"));
        }
        IOException last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = RegistryServer.freePort(); // another process may grab it before the registry: retry then
            Path config = dir.resolve("config.yml");
            Files.writeString(config, config(mode, dir, port, certs, tokens));
            Path log = dir.resolve("registry.log");
            Process process = new ProcessBuilder(registry, "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            RegistryServer server = RegistryServer.create(mode, dir, port, process, certs, tokens);
            try {
                awaitReady(server, process, log);
                return server;
            } catch (IOException e) {
                server.forgetShutdownHook();
                stop(process);
                last = e;
            }
        }
        if (tokens != null) {
            tokens.close();
        }
        throw last;
    }

    private static String config(Mode mode, Path dir, int port, RegistryCertificates certs,
            RegistryTokenServer tokens) {
        StringBuilder yaml = new StringBuilder("""
                version: 0.1
                log:
                  level: info
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                  secret: registry-test-secret
                """.formatted(dir.resolve("data"), port));
        if (certs != null) {
            yaml.append("  tls:\n    certificate: %s\n    key: %s\n"
                    .formatted(certs.file("server.crt"), certs.file("server.key")));
            if (mode == Mode.MUTUAL_TLS) {
                yaml.append("    clientcas:\n      - %s\n".formatted(certs.file("ca.crt")));
            }
        }
        if (mode == Mode.HTPASSWD || mode == Mode.TLS) {
            yaml.append("auth:\n  htpasswd:\n    realm: registry-test\n    path: %s\n"
                    .formatted(dir.resolve("htpasswd")));
        }
        if (tokens != null) {
            yaml.append("auth:\n  token:\n    realm: %s\n    service: %s\n    issuer: %s\n    rootcertbundle: %s\n"
                    .formatted(tokens.realm(), RegistryTokenServer.SERVICE, RegistryTokenServer.ISSUER,
                            dir.resolve("token").resolve("signer.crt")));
        }
        return yaml.toString();
    }

    private static void writeHtpasswd(Path file) throws IOException {
        Process htpasswd = new ProcessBuilder(RegistryServer.requireTool("htpasswd"), "-Bbn",
                RegistryServer.USERNAME, RegistryServer.PASSWORD).redirectErrorStream(false).start();
        byte[] line = htpasswd.getInputStream().readAllBytes();
        try {
            if (htpasswd.waitFor() != 0) {
                throw new IOException("htpasswd failed: " + new String(htpasswd.getErrorStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Files.write(file, line);
    }

    private static void awaitReady(RegistryServer server, Process process, Path log) throws IOException {
        HttpClient http = server.httpClient();
        Instant giveUp = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(server.baseUri().resolve("/v2/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200 || response.statusCode() == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            sleep(50);
        }
        throw new IOException("docker-registry did not answer within " + READY_TIMEOUT + ":\n" + tail(log));
    }

    static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static SSLContext sslContext(RegistryCertificates certs, boolean withClientCertificate) {
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", x509.generateCertificate(new ByteArrayInputStream(certs.pem("ca.crt"))));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (withClientCertificate) {
                String pem = new String(certs.pem("client.key")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                var key = KeyFactory.getInstance("RSA").generatePrivate(
                        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
                Certificate cert = x509.generateCertificate(new ByteArrayInputStream(certs.pem("client.crt")));
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("client", key, new char[0], new Certificate[] {cert});
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, new char[0]);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("test TLS context", e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cleaning " + dir, e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
