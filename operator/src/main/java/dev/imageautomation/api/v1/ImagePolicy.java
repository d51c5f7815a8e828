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

/** Selects the latest tag of an ImageRepository by a policy (Flux {@code ImagePolicy}, v1). */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(ApiGroups.IMAGE)
@Version("v1")
@Plural("imagepolicies")
@Singular("imagepolicy")
@ShortNames({"imgpol", "imagepol"})
@Categories({"all", "fluxcd", "fluxcd-images"})
@Annotations(ApiGroups.NO_SUBSTITUTION_ANNOTATION)
@AdditionalPrinterColumn(name = "Image", type = Type.STRING, jsonPath = ".status.latestRef.name")
@AdditionalPrinterColumn(name = "Tag", type = Type.STRING, jsonPath = ".status.latestRef.tag")
@AdditionalPrinterColumn(name = "Ready", type = Type.STRING, jsonPath = ApiGroups.READY_STATUS_PATH)
@AdditionalPrinterColumn(name = "Status", type = Type.STRING, jsonPath = ApiGroups.READY_MESSAGE_PATH)
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ApiGroups.AGE_PATH)
public class ImagePolicy extends CustomResource<ImagePolicySpec, ImagePolicyStatus> implements Namespaced {

  public ImagePolicy() {}

  // Spec and status are declared again only to carry their schema description (and Flux's status default).
  @Override
  @JsonPropertyDescription("ImagePolicySpec defines the policy that selects the latest image.")
  public ImagePolicySpec getSpec() {
    return super.getSpec();
  }

  @Override
  @Default(ApiGroups.STATUS_DEFAULT)
  @JsonPropertyDescription("ImagePolicyStatus reports the selected image.")
  public ImagePolicyStatus getStatus() {
    return super.getStatus();
  }

  /** A policy with the given namespace, name and spec, as tests and the CLI build them. */
  public static ImagePolicy of(String namespace, String name, ImagePolicySpec spec) {
    ImagePolicy resource = new ImagePolicy();
    resource.getMetadata().setNamespace(namespace);
    resource.getMetadata().setName(name);
    resource.setSpec(spec);
    return resource;
  }
}
