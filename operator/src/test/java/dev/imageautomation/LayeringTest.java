package dev.imageautomation;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.imageautomation.api.v1.LayeringViolationFixture;
import io.fabric8.kubernetes.client.CustomResource;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture (table "Packages: what each owns and what it may import"), checked on the
 * main classes. Rules hold for packages that are still empty, so they bind from the first class on.
 */
@AnalyzeClasses(packages = "dev.imageautomation", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  private static final String BASE = "dev.imageautomation";
  private static final String FABRIC8 = "io.fabric8..";
  private static final String JOSDK = "io.javaoperatorsdk..";
  private static final String JGIT = "org.eclipse.jgit..";
  private static final String API = BASE + ".api..";
  private static final String DURATION = BASE + ".duration..";
  private static final String[] DOMAIN = {
    BASE + ".registry..", BASE + ".policy..", BASE + ".setters..", BASE + ".git..", BASE + ".template..",
    BASE + ".identity.."
  };
  private static final String[] KUBERNETES_SIDE = {API, BASE + ".kube..", BASE + ".reconciler..", BASE + ".cli.."};

  @ArchTest
  static final ArchRule loggingStandsAlone = noClasses()
      .that().resideInAPackage(BASE + ".logging..")
      .should().dependOnClassesThat().resideInAnyPackage(FABRIC8, JOSDK, JGIT)
      .orShould().dependOnClassesThat().resideInAnyPackage(API, BASE + ".reconciler..", BASE + ".registry..",
          BASE + ".git..", BASE + ".config..");

  @ArchTest
  static final ArchRule domainPackagesAreKubernetesFree = noClasses()
      .that().resideInAnyPackage(DOMAIN)
      .should().dependOnClassesThat().resideInAnyPackage(FABRIC8, JOSDK)
      .orShould().dependOnClassesThat().resideInAnyPackage(KUBERNETES_SIDE)
      .because("registry, policy, setters, git, template and identity are tested with plain values; reconcilers"
          + " translate")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule jgitOnlyInGit = noClasses()
      .that().resideOutsideOfPackage(BASE + ".git..")
      .should().dependOnClassesThat().resideInAPackage(JGIT)
      .because("Git sits behind one closeable workspace in package git")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule settersDoNotKnowGit = noClasses()
      .that().resideInAPackage(BASE + ".setters..")
      .should().dependOnClassesThat().resideInAnyPackage(JGIT, BASE + ".git..")
      .because("the rewriter is a pure function over a directory")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule gitDoesNotKnowSetters = noClasses()
      .that().resideInAPackage(BASE + ".git..")
      .should().dependOnClassesThat().resideInAPackage(BASE + ".setters..")
      .because("the reconciler joins rewriting and committing")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule gitDoesNotKnowTheRegistry = noClasses()
      .that().resideInAPackage(BASE + ".git..")
      .should().dependOnClassesThat().resideInAPackage(BASE + ".registry..")
      .because("a push needs no image scanner; what both use lives in identity")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule identityIsBeneathRegistryAndGit = noClasses()
      .that().resideInAPackage(BASE + ".identity..")
      .should().dependOnClassesThat().resideInAnyPackage(BASE + ".registry..", BASE + ".git..")
      .because("registry and git.provider share ServiceAccount identities; the shared piece imports neither")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule templateDoesNotKnowGit = noClasses()
      .that().resideInAPackage(BASE + ".template..")
      .should().dependOnClassesThat().resideInAnyPackage(JGIT, BASE + ".git..")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule apiIsAPlainModel = classes()
      .that().resideInAPackage(API)
      .should().onlyDependOnClassesThat(resideInAnyPackage(
              "java..",
              "com.fasterxml.jackson.annotation..",
              "io.fabric8.kubernetes.api.model..",
              "io.fabric8.kubernetes.model.annotation..",
              "io.fabric8.crd.generator.annotation..",
              "io.fabric8.generator.annotation..",
              API,
              DURATION)
          .or(type(CustomResource.class)))
      .because("api.v1 is the CRD model: fabric8 model and annotations, Jackson annotations, no client, no JOSDK,"
          + " no other project package but the duration leaf")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule configIsTheBottomLayer = noClasses()
      .that().resideInAPackage(BASE + ".config..")
      .should().dependOnClassesThat().resideInAnyPackage(FABRIC8, JOSDK, JGIT)
      .orShould().dependOnClassesThat(resideInAPackage(BASE + "..")
          .and(not(resideInAnyPackage(BASE + ".config..", DURATION))))
      .because("settings are parsed once into a record that every layer may read")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule durationIsALeaf = classes()
      .that().resideInAPackage(DURATION)
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DURATION)
      .because("api.v1 and config share Go's duration syntax; a leaf that imports only the JDK keeps both"
          + " layers as they are")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule kubeDoesNotUseJosdk = noClasses()
      .that().resideInAPackage(BASE + ".kube..")
      .should().dependOnClassesThat().resideInAnyPackage(JOSDK, BASE + ".reconciler..", BASE + ".cli..")
      .because("kube turns Secrets into credential records; reconcilers use it, not the other way round")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule onlyTheEntryPointsUseReconcilers = classes()
      .that().resideInAPackage(BASE + ".reconciler..")
      .should().onlyHaveDependentClassesThat(
          resideInAnyPackage(BASE + ".reconciler..", BASE + ".cli..").or(resideInAPackage(BASE)))
      .because("reconcilers are wired once in the main class (and driven by the run command)")
      .allowEmptyShould(true);

  @Test
  void shouldNoticeAClientOrJgitInTheApiModel() {
    JavaClasses fixture = new ClassFileImporter().importClasses(LayeringViolationFixture.class);

    assertThat(apiIsAPlainModel.evaluate(fixture).hasViolation()).isTrue();
    assertThat(jgitOnlyInGit.evaluate(fixture).hasViolation()).isTrue();
  }

  @ArchTest
  static final ArchRule josdkOnlyWhereReconcilersAreWired = noClasses()
      .that().resideOutsideOfPackages(BASE + ".reconciler..", BASE + ".cli..", BASE)
      .should().dependOnClassesThat().resideInAPackage(JOSDK)
      .allowEmptyShould(true);
}
