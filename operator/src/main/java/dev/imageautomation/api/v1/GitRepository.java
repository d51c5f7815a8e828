package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A read model of Flux's {@code GitRepository} ({@code source.toolkit.fluxcd.io/v1}): an ImageUpdateAutomation
 * takes the URL, credentials, proxy and default ref of the repository it writes to from here. This operator
 * never writes GitRepository objects. Its CRD is generated as an optional file for clusters without Flux's
 * source-controller.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(ApiGroups.SOURCE)
@Version("v1")
@Plural("gitrepositories")
@Singular("gitrepository")
@ShortNames("gitrepo")
@AdditionalPrinterColumn(name = "URL", type = Type.STRING, jsonPath = ".spec.url")
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ApiGroups.AGE_PATH)
@AdditionalPrinterColumn(name = "Ready", type = Type.STRING, jsonPath = ApiGroups.READY_STATUS_PATH)
@AdditionalPrinterColumn(name = "Status", type = Type.STRING, jsonPath = ApiGroups.READY_MESSAGE_PATH)
public class GitRepository extends CustomResource<GitRepositorySpec, GitRepositoryStatus> implements Namespaced {

  public GitRepository() {}

  // Spec and status are declared again only to carry their schema description (and Flux's status default).
  @Override
  @JsonPropertyDescription("GitRepositorySpec defines the Git repository, its credentials and the ref to follow.")
  public GitRepositorySpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("GitRepositoryStatus is written by Flux's source-controller; this operator never writes it.")
  public GitRepositoryStatus getStatus() {
    return super.getStatus();
  }

  /** A GitRepository with the given namespace, name and spec, as tests build them. */
  public static GitRepository of(String namespace, String name, GitRepositorySpec spec) {
    GitRepository resource = new GitRepository();
    resource.getMetadata().setNamespace(namespace);
    resource.getMetadata().setName(name);
    resource.setSpec(spec);
    return resource;
  }
}
