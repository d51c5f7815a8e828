package dev.imageautomation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/** Writes the kubeconfig of a test API server: its URL, its self-signed certificate as CA, the admin token. */
final class Kubeconfig {

  private Kubeconfig() {
  }

  static Path write(Path file, int port, byte[] servingCertificatePem, String token) {
    String yaml = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: image-automation-test
          cluster:
            server: https://127.0.0.1:%d
            certificate-authority-data: %s
        users:
        - name: test-admin
          user:
            token: %s
        contexts:
        - name: image-automation-test
          context:
            cluster: image-automation-test
            user: test-admin
        current-context: image-automation-test
        """.formatted(port, Base64.getEncoder().encodeToString(servingCertificatePem), token);
    try {
      Files.writeString(file, yaml);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
