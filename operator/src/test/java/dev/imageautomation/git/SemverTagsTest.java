package dev.imageautomation.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdRef;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SemverTagsTest {

    private static final List<Ref> TAGS = List.of(tag("v1.0.0"), tag("v1.2.0"), tag("v1.2.0^{}"), tag("1.10.1"),
            tag("v2.0.0-rc.1"), tag("v2.0.0"), tag("latest"), new ObjectIdRef.PeeledNonTag(Ref.Storage.NETWORK,
                    "refs/heads/v9.9.9", ObjectId.zeroId()));

    @ParameterizedTest
    @CsvSource({
        "'>=1.0.0 <2.0.0', 1.10.1",
        "'>=1.0.0, <1.5.0', v1.2.0",
        "'~1.2', v1.2.0",
        "'*', v2.0.0",
        "'>=3.0.0', ''"})
    void shouldPickTheHighestTagInTheRange(String range, String expected) {
        assertThat(SemverTags.highest(TAGS, range))
                .isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected));
    }

    private static Ref tag(String name) {
        return new ObjectIdRef.PeeledNonTag(Ref.Storage.NETWORK, "refs/tags/" + name, ObjectId.zeroId());
    }
}
