package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExclusionListTest {

    @Test
    void shouldFallBackToTheSignatureDefaultWhenTheListIsEmptyOrAbsent() {
        assertThat(ExclusionList.of(List.of()).patterns()).containsExactly("^.*\\.sig$");
        assertThat(ExclusionList.of(null).excludes("sha256-abc.sig")).isTrue();
        assertThat(ExclusionList.of(null).excludes("v1.0.0")).isFalse();
    }

    @Test
    void shouldMatchAnywhereInTheTagLikeGosMatchString() {
        ExclusionList list = ExclusionList.of(List.of("rc"));

        assertThat(list.excludes("1.0.0-rc.1")).isTrue();
        assertThat(list.excludes("1.0.0")).isFalse();
    }

    @Test
    void shouldRefuseMoreThanTwentyFivePatterns() {
        assertThatThrownBy(() -> ExclusionList.of(Collections.nCopies(26, "x")))
                .hasMessageContaining("at most 25");
    }

    @Test
    void shouldRefusePerlOnlySyntaxThatRe2DoesNotSupport() {
        assertThatThrownBy(() -> ExclusionList.of(List.of("(?=lookahead)")))
                .hasMessageStartingWith("failed to compile regex (?=lookahead):");
    }
}
