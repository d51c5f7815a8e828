package dev.imageautomation.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CheckoutRefTest {

    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of(new CheckoutRef("main", "v1", "1.x", "refs/heads/x", "abc"), CheckoutRef.Kind.COMMIT),
                Arguments.of(new CheckoutRef("main", "v1", "1.x", "refs/heads/x", null), CheckoutRef.Kind.NAME),
                Arguments.of(new CheckoutRef("main", "v1", "1.x", null, null), CheckoutRef.Kind.TAG),
                Arguments.of(new CheckoutRef("main", null, "1.x", null, " "), CheckoutRef.Kind.SEMVER),
                Arguments.of(new CheckoutRef("main", "", null, null, null), CheckoutRef.Kind.BRANCH));
    }

    @ParameterizedTest
    @MethodSource("precedence")
    void shouldPickTheDecidingFieldInFluxOrderCommitNameTagSemverBranch(CheckoutRef ref, CheckoutRef.Kind kind) {
        assertThat(ref.kind()).isEqualTo(kind);
    }

    static Stream<Arguments> pushableBranches() {
        return Stream.of(
                Arguments.of(CheckoutRef.ofBranch("main"), Optional.of("main")),
                Arguments.of(CheckoutRef.ofName("refs/heads/release"), Optional.of("release")),
                Arguments.of(CheckoutRef.ofName("refs/pull/1/head"), Optional.empty()),
                Arguments.of(CheckoutRef.ofTag("v1"), Optional.empty()),
                Arguments.of(CheckoutRef.ofSemver(">=1"), Optional.empty()),
                Arguments.of(new CheckoutRef("main", null, null, null, "abc"), Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("pushableBranches")
    void shouldOnlyInferAPushBranchFromABranchCheckout(CheckoutRef ref, Optional<String> branch) {
        assertThat(ref.pushableBranch()).isEqualTo(branch);
    }

    @org.junit.jupiter.api.Test
    void shouldLetTheAutomationRefReplaceTheRepositoryRefAndDefaultToMaster() {
        CheckoutRef automation = CheckoutRef.ofTag("v1");
        CheckoutRef repository = CheckoutRef.ofBranch("main");
        assertThat(CheckoutRef.resolve(automation, repository)).isEqualTo(automation);
        assertThat(CheckoutRef.resolve(new CheckoutRef(null, null, null, null, null), repository))
                .isEqualTo(repository);
        assertThat(CheckoutRef.resolve(null, null)).isEqualTo(CheckoutRef.ofBranch("master"));
    }

    @org.junit.jupiter.api.Test
    void shouldKeepOnlyBranchTagAndNameCheckoutsShallow() {
        assertThat(CheckoutRef.ofBranch("main").allowsShallow()).isTrue();
        assertThat(CheckoutRef.ofTag("v1").allowsShallow()).isTrue();
        assertThat(CheckoutRef.ofCommit("abc").allowsShallow()).isFalse();
    }
}
