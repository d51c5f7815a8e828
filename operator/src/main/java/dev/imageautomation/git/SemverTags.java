package dev.imageautomation.git;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.eclipse.jgit.lib.Ref;
import org.semver4j.Semver;

/** Picks the tag a {@code semver} checkout means: the highest remote tag whose version satisfies the range. */
final class SemverTags {

    private SemverTags() {
    }

    static Optional<String> highest(Collection<Ref> remoteRefs, String range) {
        String normalisedRange = range.replace(",", " ");
        return remoteRefs.stream()
                .map(Ref::getName)
                .filter(name -> name.startsWith(GitRefs.TAGS) && !name.endsWith("^{}"))
                .map(name -> name.substring(GitRefs.TAGS.length()))
                .map(tag -> new Candidate(tag, parse(tag)))
                .filter(candidate -> candidate.version() != null && candidate.version().satisfies(normalisedRange))
                .max(Comparator.comparing(Candidate::version))
                .map(Candidate::tag);
    }

    private static Semver parse(String tag) {
        String text = tag.startsWith("v") || tag.startsWith("V") ? tag.substring(1) : tag;
        return Semver.parse(text);
    }

    private record Candidate(String tag, Semver version) {
    }
}
