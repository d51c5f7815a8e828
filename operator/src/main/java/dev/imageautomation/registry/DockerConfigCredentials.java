package dev.imageautomation.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Credentials from Docker config files, as found in pull secrets ({@code .dockerconfigjson} with an {@code auths}
 * map, or the legacy {@code .dockercfg} bare map), matched to an image the way kubelet and Flux
 * (go-containerregistry's Kubernetes keychain) do: keys are normalised to {@code host[:port][/path]} ({@code /v1/}
 * and {@code /v2/} prefixes dropped, so {@code https://index.docker.io/v1/} means Docker Hub), tried in reverse
 * lexicographic order, and a key matches when the port is equal, every host label glob-matches
 * ({@code *.example.com}) and the image path starts with the key's path. No match means anonymous.
 */
public final class DockerConfigCredentials implements CredentialSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Entry> entries;

    private DockerConfigCredentials(List<Entry> entries) {
        this.entries = entries.stream().sorted(Comparator.comparing(Entry::key).reversed()).toList();
    }

    /** Parses the {@code .dockerconfigjson} key of a {@code kubernetes.io/dockerconfigjson} secret. */
    public static DockerConfigCredentials fromDockerConfigJson(byte[] json) {
        JsonNode auths = readTree(json, ".dockerconfigjson").path("auths");
        if (!auths.isObject()) {
            throw new IllegalArgumentException(".dockerconfigjson has no \"auths\" object");
        }
        return new DockerConfigCredentials(entries(auths, ".dockerconfigjson"));
    }

    /** Parses the {@code .dockercfg} key of a legacy {@code kubernetes.io/dockercfg} secret. */
    public static DockerConfigCredentials fromDockerCfg(byte[] json) {
        JsonNode auths = readTree(json, ".dockercfg");
        if (!auths.isObject()) {
            throw new IllegalArgumentException(".dockercfg is not a JSON object of registry entries");
        }
        return new DockerConfigCredentials(entries(auths, ".dockercfg"));
    }

    /** Several pull secrets as one keyring; for equal keys the earlier secret wins, as in kubelet. */
    public static DockerConfigCredentials merge(List<DockerConfigCredentials> configs) {
        List<Entry> all = new ArrayList<>();
        configs.forEach(c -> all.addAll(c.entries));
        return new DockerConfigCredentials(all);
    }

    /** The normalised registry keys, for diagnostics (no secrets). */
    public List<String> registryKeys() {
        return entries.stream().map(Entry::key).distinct().toList();
    }

    @Override
    public RegistryCredentials credentialsFor(ImageReference image) {
        String target = image.canonicalName();
        return entries.stream()
                .filter(e -> RegistryKeyMatch.matches(e.key(), target))
                .map(Entry::credentials)
                .findFirst()
                .orElse(RegistryCredentials.ANONYMOUS);
    }

    @Override
    public String toString() {
        return "DockerConfigCredentials" + registryKeys();
    }

    private static JsonNode readTree(byte[] json, String what) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // the parser's message may quote the secret's content: report the position only
            throw new IllegalArgumentException(what + " is not valid JSON (line %d, column %d)"
                    .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr()), null);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " could not be read", null);
        }
    }

    private static List<Entry> entries(JsonNode auths, String what) {
        List<Entry> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = RegistryKeyMatch.normalise(field.getKey());
            result.add(new Entry(key, credentials(field.getValue(), what + " entry '" + key + "'")));
        }
        return result;
    }

    private static RegistryCredentials credentials(JsonNode entry, String where) {
        String registryToken = entry.path("registrytoken").asText("");
        if (!registryToken.isEmpty()) {
            return new RegistryCredentials.BearerToken(registryToken);
        }
        String identityToken = entry.path("identitytoken").asText("");
        if (!identityToken.isEmpty()) {
            return new RegistryCredentials.IdentityToken(identityToken);
        }
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            return decodeAuth(auth, where);
        }
        String username = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        return username.isEmpty() && password.isEmpty()
                ? RegistryCredentials.ANONYMOUS
                : RegistryCredentials.basic(username, password);
    }

    private static RegistryCredentials decodeAuth(String auth, String where) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": \"auth\" is not valid base64", null);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(where + ": \"auth\" must be base64 of username:password");
        }
        return RegistryCredentials.basic(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    private record Entry(String key, RegistryCredentials credentials) {
    }
}
