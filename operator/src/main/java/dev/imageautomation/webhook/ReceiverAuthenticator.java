package dev.imageautomation.webhook;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a notification was sent by someone who knows the receiver's token, in whichever way the registry can
 * present it: an HMAC-SHA256 signature of the body ({@code X-Hub-Signature-256: sha256=<hex>}, GitHub), the token as
 * {@code Authorization: Bearer <token>} or as the verbatim {@code Authorization} value (Harbor's "auth header"), or
 * {@code ?token=<token>} in the URL (Docker Hub and Quay cannot set headers). Comparisons take constant time.
 */
public final class ReceiverAuthenticator {

  private ReceiverAuthenticator() {}

  /**
   * @param headers request headers, names lower-case
   * @param rawQuery the URL's query string, may be null
   */
  public static boolean isAuthentic(Map<String, List<String>> headers, String rawQuery, byte[] body, byte[] token) {
    if (token.length == 0) {
      return false;
    }
    Optional<String> signature = first(headers, "x-hub-signature-256");
    if (signature.isPresent()) {
      // a signed request must carry a good signature; a token elsewhere does not excuse a bad one
      return signature.get().startsWith("sha256=") && equal(signature.get().substring(7), hmacHex(token, body));
    }
    Optional<String> authorization = first(headers, "authorization");
    if (authorization.isPresent()) {
      String value = authorization.get().trim();
      String presented = value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
      return equal(presented, new String(token, StandardCharsets.UTF_8));
    }
    return queryToken(rawQuery).map(t -> equal(t, new String(token, StandardCharsets.UTF_8))).orElse(false);
  }

  /** The signature GitHub would send for {@code body}; also used by tests and by the documentation example. */
  public static String hmacHex(byte[] token, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is mandatory in every JDK", e);
    }
  }

  private static Optional<String> queryToken(String rawQuery) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("token=")) {
        return Optional.of(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static boolean equal(String presented, String expected) {
    return MessageDigest.isEqual(
        presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
