package dev.imageautomation.git;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where and how to push (Flux spec 4.4-4.5).
 *
 * @param branch {@code git.push.branch}; null means the checkout branch
 * @param refspec {@code git.push.refspec}, pushed after the branch; null for none
 * @param options {@code git.push.options}, sent as {@code key=value} push options with every push
 */
public record PushRequest(String branch, String refspec, Map<String, String> options) {

    public static final PushRequest TO_CHECKOUT_BRANCH = new PushRequest(null, null, Map.of());

    public PushRequest {
        branch = branch == null || branch.isBlank() ? null : branch.trim();
        refspec = refspec == null || refspec.isBlank() ? null : refspec.trim();
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static PushRequest toBranch(String branch) {
        return new PushRequest(branch, null, Map.of());
    }

    public Optional<String> refspecToPush() {
        return Optional.ofNullable(refspec);
    }

    /** Options in key order so servers see the same sequence on every run (Go's map order is random). */
    List<String> pushOptions() {
        return new TreeMap<>(options).entrySet().stream()
                .map(entry -> entry.getValue() == null || entry.getValue().isEmpty()
                        ? entry.getKey() : entry.getKey() + "=" + entry.getValue())
                .toList();
    }
}
