package dev.imageautomation.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private CA made by {@code openssl} for the TLS registry modes: a server certificate for 127.0.0.1/localhost,
 * a client certificate (for mutual TLS), and a self-signed signing certificate for registry tokens.
 * All files are PEM; keys are unencrypted PKCS#8.
 */
public final class RegistryCertificates {

    private final Path dir;

    private RegistryCertificates(Path dir) {
        this.dir = dir;
    }

    /** Creates the CA, server and client certificates under {@code dir} (about a second: RSA key generation). */
    public static RegistryCertificates create(Path dir) throws IOException {
        Files.createDirectories(dir);
        RegistryCertificates certs = new RegistryCertificates(dir);
        certs.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650", "-subj", "/CN=registry-test-ca",
                "-keyout", "ca.key", "-out", "ca.crt",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        certs.issue("server", "/CN=127.0.0.1",
                "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n"
                        + "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
        certs.issue("client", "/CN=registry-test-client",
                "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n"
                        + "extendedKeyUsage=clientAuth\n");
        return certs;
    }

    /** A self-signed RSA certificate whose key signs registry tokens ({@code signer.crt}, {@code signer.key}). */
    public static RegistryCertificates createTokenSigner(Path dir) throws IOException {
        Files.createDirectories(dir);
        RegistryCertificates certs = new RegistryCertificates(dir);
        certs.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3650",
                "-subj", "/CN=registry-token-signer", "-keyout", "signer.key", "-out", "signer.crt");
        return certs;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    public byte[] pem(String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new IllegalStateException("missing " + name + " in " + dir, e);
        }
    }

    private void issue(String name, String subject, String extensions) throws IOException {
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", subject, "-keyout", name + ".key", "-out", name + ".csr");
        Files.writeString(dir.resolve(name + ".ext"), extensions);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "825", "-extfile", name + ".ext", "-out", name + ".crt");
    }

    private void openssl(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(RegistryServer.requireTool("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("openssl " + String.join(" ", args) + " failed:\n"
                        + Files.readString(dir.resolve("openssl.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }
}
