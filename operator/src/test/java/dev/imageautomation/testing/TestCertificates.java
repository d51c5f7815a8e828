package dev.imageautomation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A private CA, a server certificate for 127.0.0.1/localhost and a client certificate, made with openssl. */
public record TestCertificates(Path directory) {

    /** Certificates in a new temporary directory, for a test class to {@link #delete()} when it is done. */
    public static TestCertificates temporary() {
        try {
            return create(Files.createTempDirectory("test-tls"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the directory and everything in it, keys included. */
    public void delete() {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestCertificates create(Path directory) {
        TestCertificates certificates = new TestCertificates(directory);
        certificates.generate();
        return certificates;
    }

    private void generate() {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=test-ca");
        issue("server", "/CN=127.0.0.1", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        issue("client", "/CN=git-client", "extendedKeyUsage=clientAuth\n");
    }

    private void issue(String name, String subject, String extensions) {
        try {
            Files.writeString(directory.resolve(name + ".ext"), extensions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".crt", "-days", "2", "-extfile", name + ".ext");
    }

    private void openssl(String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        GitCli.run(directory, Map.of(), command);
    }

    public Path caCertificateFile() {
        return directory.resolve("ca.crt");
    }

    public Path serverCertificateFile() {
        return directory.resolve("server.crt");
    }

    public Path serverKeyFile() {
        return directory.resolve("server.key");
    }

    public String caCertificate() {
        return read("ca.crt");
    }

    public String clientCertificate() {
        return read("client.crt");
    }

    public String clientKey() {
        return read("client.key");
    }

    private String read(String name) {
        try {
            return Files.readString(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
