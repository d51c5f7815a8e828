package dev.imageautomation.kube;

import dev.imageautomation.identity.ServiceAccountIdentity;
import io.fabric8.kubernetes.api.model.ServiceAccount;

/** A ServiceAccount as the cloud credential code sees it: namespace, name and its cloud identity annotations. */
public final class ServiceAccountIdentities {

    private ServiceAccountIdentities() {
    }

    public static ServiceAccountIdentity of(ServiceAccount account) {
        var meta = account.getMetadata();
        return new ServiceAccountIdentity(meta.getNamespace(), meta.getName(), meta.getAnnotations());
    }
}
