package dev.imageautomation.testing;

import dev.imageautomation.identity.ServiceAccountIdentity;
import dev.imageautomation.identity.ServiceAccountTokenException;
import dev.imageautomation.identity.ServiceAccountTokens;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the API server's TokenRequest: answers {@code kubernetes-jwt} and records each request as
 * {@code <namespace>/<name> <audience>}, or refuses as the reconciler's adapter words a refusal.
 */
public final class FakeServiceAccountTokens implements ServiceAccountTokens {

    public static final String TOKEN = "kubernetes-jwt";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String refusal;

    /** From now on every request fails with {@code why}. */
    public FakeServiceAccountTokens refusing(String why) {
        this.refusal = why;
        return this;
    }

    public List<String> requests() {
        return requests;
    }

    @Override
    public String issue(ServiceAccountIdentity account, String audience) {
        if (refusal != null) {
            throw new ServiceAccountTokenException("failed to create kubernetes token for service account '"
                    + account.reference() + "': " + refusal, null);
        }
        requests.add(account.reference() + " " + audience);
        return TOKEN;
    }
}
