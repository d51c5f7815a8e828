package dev.imageautomation.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevisionTest {

    private static final String SHA = "8084f1bbe1e57e0bf6ab9c8b82b7d0e0a8c4b0d1";

    @Test
    void shouldRenderFluxRevisionStrings() {
        assertThat(new Revision("main", SHA)).hasToString("main@sha1:" + SHA);
        assertThat(new Revision("v1.2.0", SHA.toUpperCase())).hasToString("v1.2.0@sha1:" + SHA);
        assertThat(new Revision(null, SHA)).hasToString("sha1:" + SHA);
    }

    @ParameterizedTest
    @CsvSource({
        "main@sha1:" + SHA + ", true",
        "main/" + SHA + ", true",
        "other@sha1:" + SHA + ", false",
        "main@sha1:0000000000000000000000000000000000000000, false",
        "'', false"})
    void shouldMatchCurrentAndLegacyObservedRevisions(String observed, boolean matches) {
        assertThat(new Revision("main", SHA).matches(observed)).isEqualTo(matches);
    }

    @Test
    void shouldRejectSomethingThatIsNotACommitId() {
        assertThatThrownBy(() -> new Revision("main", "abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldShortenHeadsAndTagsOnly() {
        assertThat(GitRefs.shortName("refs/heads/main")).isEqualTo("main");
        assertThat(GitRefs.shortName("refs/tags/v1")).isEqualTo("v1");
        assertThat(GitRefs.shortName("refs/pull/1/head")).isEqualTo("refs/pull/1/head");
    }
}
