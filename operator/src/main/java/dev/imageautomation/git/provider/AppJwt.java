package dev.imageautomation.git.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The JWT a GitHub App authenticates with: RS256 over {@code {"iat", "exp", "iss": appId}}, issued a minute in the
 * past against clock drift (as GitHub advises) and valid for a few minutes, well inside GitHub's ten-minute limit;
 * it is only used for the one or two calls that mint an installation token.
 */
final class AppJwt {

    static final Duration BACKDATE = Duration.ofSeconds(60);
    static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";

    private AppJwt() {
    }

    static String sign(GitHubApp app, Instant now) {
        long seconds = now.getEpochSecond();
        String claims = "{\"iat\":" + (seconds - BACKDATE.toSeconds()) + ",\"exp\":" + (seconds + LIFETIME.toSeconds())
                + ",\"iss\":\"" + app.appId() + "\"}";
        String signingInput = encode(HEADER) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(app.privateKey());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new GitProviderException("github: signing the app JWT failed: " + e.getClass().getSimpleName());
        }
    }

    private static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
