package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DockerConfigCredentialsTest {

    private static final RegistryCredentials GHCR = RegistryCredentials.basic("octocat", "ghp_pat");

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String auth(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldUseTheReferenceDocumentsGhcrSecretForGhcrImagesOnly() {
        var config = DockerConfigCredentials.fromDockerConfigJson(
                bytes("{\"auths\":{\"ghcr.io\":{\"auth\":\"" + auth("octocat", "ghp_pat") + "\"}}}"));

        assertThat(config.credentialsFor(ImageReference.parse("ghcr.io/org/app-name"))).isEqualTo(GHCR);
        assertThat(config.credentialsFor(ImageReference.parse("docker.io/org/app-name")))
                .isEqualTo(RegistryCredentials.ANONYMOUS);
    }

    static Stream<Arguments> keyMatches() {
        return Stream.of(
                Arguments.of("https://index.docker.io/v1/", "docker.io/org/app", true),
                Arguments.of("index.docker.io", "alpine", true),
                Arguments.of("docker.io", "docker.io/org/app", false),
                Arguments.of("ghcr.io", "ghcr.io/org/app", true),
                Arguments.of("https://ghcr.io", "ghcr.io/org/app", true),
                Arguments.of("ghcr.io/org", "ghcr.io/org/app", true),
                Arguments.of("ghcr.io/other", "ghcr.io/org/app", false),
                Arguments.of("*.azurecr.io", "myregistry.azurecr.io/app", true),
                Arguments.of("*.azurecr.io", "a.b.azurecr.io/app", false),
                Arguments.of("registry.local:5000", "registry.local:5000/app", true),
                Arguments.of("registry.local:5000", "registry.local/app", false),
                Arguments.of("registry.local", "registry.local:5000/app", false),
                Arguments.of("http://registry.local:5000/v2/", "registry.local:5000/app", true));
    }

    @ParameterizedTest(name = "key {0} applies to {1}: {2}")
    @MethodSource("keyMatches")
    void shouldMatchKeysToImagesAsDockerAndKubeletDo(String key, String image, boolean matches) {
        var config = DockerConfigCredentials.fromDockerConfigJson(
                bytes("{\"auths\":{\"" + key + "\":{\"username\":\"u\",\"password\":\"p\"}}}"));

        RegistryCredentials expected = matches ? RegistryCredentials.basic("u", "p") : RegistryCredentials.ANONYMOUS;
        assertThat(config.credentialsFor(ImageReference.parse(image))).isEqualTo(expected);
    }

    @Test
    void shouldPreferTheMostSpecificKeyBecauseKeysAreTriedInReverseOrder() {
        var config = DockerConfigCredentials.fromDockerConfigJson(bytes("""
                {"auths":{"ghcr.io":{"username":"all","password":"1"},
                          "ghcr.io/team":{"username":"team","password":"2"}}}"""));

        assertThat(config.credentialsFor(ImageReference.parse("ghcr.io/team/app")))
                .isEqualTo(RegistryCredentials.basic("team", "2"));
        assertThat(config.credentialsFor(ImageReference.parse("ghcr.io/else/app")))
                .isEqualTo(RegistryCredentials.basic("all", "1"));
    }

    @Test
    void shouldReadTheLegacyDockercfgFormatAndTokens() {
        var config = DockerConfigCredentials.fromDockerCfg(bytes("""
                {"quay.io":{"auth":"%s","email":"x@example.com"},
                 "acr.example.io":{"identitytoken":"refresh-me"},
                 "tok.example.io":{"registrytoken":"bearer-me"}}""".formatted(auth("robot", "s3"))));

        assertThat(config.credentialsFor(ImageReference.parse("quay.io/org/app")))
                .isEqualTo(RegistryCredentials.basic("robot", "s3"));
        assertThat(config.credentialsFor(ImageReference.parse("acr.example.io/app")))
                .isEqualTo(new RegistryCredentials.IdentityToken("refresh-me"));
        assertThat(config.credentialsFor(ImageReference.parse("tok.example.io/app")))
                .isEqualTo(new RegistryCredentials.BearerToken("bearer-me"));
    }

    @Test
    void shouldLetTheFirstSecretWinWhenMergedSecretsShareAKey() {
        var first = DockerConfigCredentials.fromDockerConfigJson(
                bytes("{\"auths\":{\"ghcr.io\":{\"username\":\"first\",\"password\":\"1\"}}}"));
        var second = DockerConfigCredentials.fromDockerConfigJson(
                bytes("{\"auths\":{\"ghcr.io\":{\"username\":\"second\",\"password\":\"2\"}}}"));

        assertThat(DockerConfigCredentials.merge(List.of(first, second))
                .credentialsFor(ImageReference.parse("ghcr.io/a/b"))).isEqualTo(RegistryCredentials.basic("first", "1"));
    }

    @Test
    void shouldRejectBrokenSecretsWithoutRepeatingTheirContent() {
        assertThatThrownBy(() -> DockerConfigCredentials.fromDockerConfigJson(bytes("{\"auths\": {\"x\": sup3rsecret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining("sup3rsecret");
        assertThatThrownBy(() -> DockerConfigCredentials.fromDockerConfigJson(
                bytes("{\"auths\":{\"ghcr.io\":{\"auth\":\"!!sup3rsecret\"}}}")))
                .hasMessageContaining("not valid base64")
                .hasMessageNotContaining("sup3rsecret");
        assertThatThrownBy(() -> DockerConfigCredentials.fromDockerConfigJson(bytes("{\"other\":{}}")))
                .hasMessageContaining("no \"auths\"");
    }

    @Test
    void shouldNeverShowAPasswordInToString() {
        assertThat(RegistryCredentials.basic("user", "hunter2").toString()).doesNotContain("hunter2");
        assertThat(new RegistryCredentials.IdentityToken("tok").toString()).doesNotContain("tok]");
    }
}
