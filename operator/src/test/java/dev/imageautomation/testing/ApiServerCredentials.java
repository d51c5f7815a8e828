package dev.imageautomation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets of one test API server: an admin bearer token (static token file, group {@code system:masters}) and
 * the service-account signing key pair. Written as files only the API server reads; never logged.
 */
record ApiServerCredentials(String token, Path tokenFile, Path serviceAccountPrivateKey,
    Path serviceAccountPublicKey, Path certDir) {

  static ApiServerCredentials create(Path workDir) {
    try {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String token = HexFormat.of().formatHex(random);
      Path tokenFile = Files.writeString(workDir.resolve("tokens.csv"),
          token + ",test-admin,test-admin,\"system:masters\"\n");
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair serviceAccountKeys = generator.generateKeyPair();
      Path privateKey = writePem(workDir.resolve("sa.key"), "PRIVATE KEY",
          serviceAccountKeys.getPrivate().getEncoded());
      Path publicKey = writePem(workDir.resolve("sa.pub"), "PUBLIC KEY", serviceAccountKeys.getPublic().getEncoded());
      Path certDir = Files.createDirectories(workDir.resolve("certs"));
      return new ApiServerCredentials(token, tokenFile, privateKey, publicKey, certDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The self-signed serving certificate (and its CA) the API server generates at start-up. */
  Path servingCertificate() {
    return certDir.resolve("apiserver.crt");
  }

  private static Path writePem(Path file, String type, byte[] der) throws IOException {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }

  @Override
  public String toString() {
    return "ApiServerCredentials[tokenFile=" + tokenFile + ", certDir=" + certDir + "]";
  }
}
