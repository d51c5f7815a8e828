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

/** Scans an image repository in a registry for tags (Flux {@code ImageRepository}, v1). */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(ApiGroups.IMAGE)
@Version("v1")
@Plural("imagerepositories")
@Singular("imagerepository")
@ShortNames({"imgrepo", "imagerepo"})
@Categories({"all", "fluxcd", "fluxcd-images"})
@Annotations(ApiGroups.NO_SUBSTITUTION_ANNOTATION)
@AdditionalPrinterColumn(name = "Image", type = Type.STRING, jsonPath = ".spec.image")
@AdditionalPrinterColumn(name = "Tags", type = Type.STRING, jsonPath = ".status.lastScanResult.tagCount")
@AdditionalPrinterColumn(name = "Ready", type = Type.STRING, jsonPath = ApiGroups.READY_STATUS_PATH)
@AdditionalPrinterColumn(name = "Status", type = Type.STRING, jsonPath = ApiGroups.READY_MESSAGE_PATH)
@AdditionalPrinterColumn(
    name = "Last scan", type = Type.STRING, jsonPath = ".status.lastScanResult.scanTime", priority = 1)
@AdditionalPrinterColumn(name = "Age", type = Type.DATE, jsonPath = ApiGroups.AGE_PATH)
public class ImageRepository extends CustomResource<ImageRepositorySpec, ImageRepositoryStatus>
    implements Namespaced {

  public ImageRepository() {}

  // Spec and status are declared again only to carry their schema description (and Flux's status default).
  @Override
  @JsonPropertyDescription("ImageRepositorySpec defines an image repository to scan.")
  public ImageRepositorySpec getSpec() {
    return super.getSpec();
  }

  @Override
  @Default(ApiGroups.STATUS_DEFAULT)
  @JsonPropertyDescription("ImageRepositoryStatus reports the last scan.")
  public ImageRepositoryStatus getStatus() {
    return super.getStatus();
  }

  /** A repository with the given namespace, name and spec, as tests and the CLI build them. */
  public static ImageRepository of(String namespace, String name, ImageRepositorySpec spec) {
    ImageRepository resource = new ImageRepository();
    resource.getMetadata().setNamespace(namespace);
    resource.getMetadata().setName(name);
    resource.setSpec(spec);
    return resource;
  }
}
