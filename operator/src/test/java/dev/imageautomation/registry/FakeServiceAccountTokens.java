package dev.imageautomation.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the API server's TokenRequest: answers {@code kubernetes-jwt} and records each request as
 * {@code <namespace>/<name> <audience>}, or refuses as the reconciler's adapter words a refusal.
 */
final class FakeServiceAccountTokens implements ServiceAccountTokens {

    static final String TOKEN = "kubernetes-jwt";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String refusal;

    /** From now on every request fails with {@code why}. */
    FakeServiceAccountTokens refusing(String why) {
        this.refusal = why;
        return this;
    }

    List<String> requests() {
        return requests;
    }

    @Override
    public String issue(ServiceAccountIdentity account, String audience) {
        if (refusal != null) {
            throw new RegistryException("failed to create kubernetes token for service account '"
                    + account.reference() + "': " + refusal);
        }
        requests.add(account.reference() + " " + audience);
        return TOKEN;
    }
}
