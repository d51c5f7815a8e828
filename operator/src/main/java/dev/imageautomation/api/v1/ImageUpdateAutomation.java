package dev.imageautomation.api.v1;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.crd.generator.annotation.Annotations;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Writes the images selected by ImagePolicies into marked fields of a Git repository, commits and pushes
 * (Flux {@code ImageUpdateAutomation}, v1).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(ApiGroups.IMAGE)
@Version("v1")
@Plural("imageupdateautomations")
@Singular("imageupdateautomation")
@ShortNames({"iua", "imgupd", "imgauto"})
@Categories({"all", "fluxcd", "fluxcd-images"})
@Annotations(ApiGroups.NO_SUBSTITUTION_ANNOTATION)
@AdditionalPrinterColumn(name = "Ready", type = Type.STRING, jsonPath = ApiGroups.READY_STATUS_PATH)
@AdditionalPrinterColumn(name = "Status", type = Type.STRING, jsonPath = ApiGroups.READY_MESSAGE_PATH)
@AdditionalPrinterColumn(
    name = "Last run", type = Type.STRING, jsonPath = ".status.lastAutomationRunTime", priority = 1)
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ApiGroups.AGE_PATH)
public class ImageUpdateAutomation extends CustomResource<ImageUpdateAutomationSpec, ImageUpdateAutomationStatus>
    implements Namespaced {

  public ImageUpdateAutomation() {}

  // Spec and status are declared again only to carry their schema description (and Flux's status default).
  @Override
  @JsonPropertyDescription("ImageUpdateAutomationSpec defines what to update in which Git repository.")
  public ImageUpdateAutomationSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @Default(ApiGroups.STATUS_DEFAULT)
  @JsonPropertyDescription("ImageUpdateAutomationStatus reports the last automation run.")
  public ImageUpdateAutomationStatus getStatus() {
    return super.getStatus();
  }

  /** An automation with the given namespace, name and spec, as tests and the CLI build them. */
  public static ImageUpdateAutomation of(String namespace, String name, ImageUpdateAutomationSpec spec) {
    ImageUpdateAutomation resource = new ImageUpdateAutomation();
    resource.getMetadata().setNamespace(namespace);
    resource.getMetadata().setName(name);
    resource.setSpec(spec);
    return resource;
  }
}
