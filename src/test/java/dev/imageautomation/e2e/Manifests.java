package dev.imageautomation.e2e;

/** The reference document's manifests, pointed at the test registry and git server. */
final class Manifests {

  private Manifests() {}

  /**
   * "Complete Example: Dev Environment", plus the namespace, the GitRepository it relies on (smart HTTP, basic
   * auth) and its Secret.
   */
  static String devEnvironment(String image, String gitUrl, String gitUser, String gitPassword) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: flux-system
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: flux-system
          namespace: flux-system
        stringData:
          username: %s
          password: %s
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: flux-system
          namespace: flux-system
        spec:
          url: %s
          secretRef:
            name: flux-system
          interval: 1m
          ref:
            branch: main
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata:
          name: app-name-dev
          namespace: flux-system
        spec:
          image: %s
          interval: 1m
          insecure: true
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata:
          name: app-name-dev
          namespace: flux-system
        spec:
          imageRepositoryRef:
            name: app-name-dev
          filterTags:
            pattern: '^dev-[0-9a-fA-F]{7,40}-(?P<run>[0-9]+)$'
            extract: '$run'
          policy:
            numerical:
              order: asc
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageUpdateAutomation
        metadata:
          name: app-name-auto-dev
          namespace: flux-system
        spec:
          interval: 5m
          sourceRef:
            kind: GitRepository
            name: flux-system
          git:
            checkout:
              ref:
                branch: main
            commit:
              author:
                name: fluxbot
                email: fluxbot@example.com
              messageTemplate: |
                chore: automated image update

                Automation: {{ .AutomationObject }}
            push:
              branch: main
          update:
            strategy: Setters
            path: ./apps/dev
        """.formatted(gitUser, gitPassword, gitUrl, image);
  }

  /** The reference's production semver policy with its repository, in its own namespace. */
  static String semverPolicy(String namespace, String image, String range) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %1$s
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata:
          name: app-name-prod
          namespace: %1$s
        spec:
          image: %2$s
          interval: 1m
          insecure: true
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata:
          name: app-name-prod
          namespace: %1$s
        spec:
          imageRepositoryRef:
            name: app-name-prod
          filterTags:
            pattern: '^v(?P<version>[0-9]+\\.[0-9]+\\.[0-9]+)$'
            extract: '$version'
          policy:
            semver:
              range: '%3$s'
        """.formatted(namespace, image, range);
  }

  /**
   * The dev example in its own namespace: Secret, GitRepository, a repository that opts in to the webhook
   * receiver {@code receiver} (empty: none), the numerical policy and the automation (template listing changes).
   */
  static String devInNamespace(String namespace, String image, String gitUrl, String gitUser, String gitPassword,
      String receiver) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %1$s
        ---
        apiVersion: v1
        kind: Secret
        metadata:
          name: git-auth
          namespace: %1$s
        stringData:
          username: %4$s
          password: %5$s
        ---
        apiVersion: source.toolkit.fluxcd.io/v1
        kind: GitRepository
        metadata:
          name: fleet
          namespace: %1$s
        spec:
          url: %3$s
          secretRef:
            name: git-auth
          interval: 1m
          ref:
            branch: main
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageRepository
        metadata:
          name: app-name-dev
          namespace: %1$s
          annotations:
            imageautomation.dev/webhook-receiver: "%6$s"
        spec:
          image: %2$s
          interval: 1h
          insecure: true
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImagePolicy
        metadata:
          name: app-name-dev
          namespace: %1$s
        spec:
          imageRepositoryRef:
            name: app-name-dev
          filterTags:
            pattern: '^dev-[0-9a-fA-F]{7,40}-(?P<run>[0-9]+)$'
            extract: '$run'
          policy:
            numerical:
              order: asc
        ---
        apiVersion: image.toolkit.fluxcd.io/v1
        kind: ImageUpdateAutomation
        metadata:
          name: app-name-auto-dev
          namespace: %1$s
        spec:
          interval: 1h
          sourceRef:
            kind: GitRepository
            name: fleet
          git:
            commit:
              author:
                name: fluxbot
                email: fluxbot@example.com
              messageTemplate: |
                chore: automated image update

                {{ range .Changed.Changes -}}
                - {{ .OldValue }} -> {{ .NewValue }}
                {{ end -}}
            push:
              branch: main
          update:
            path: ./apps/dev
        """.formatted(namespace, image, gitUrl, gitUser, gitPassword, receiver);
  }

  /** The marker file of {@link #devInNamespace}. */
  static String patches(String namespace, String tag) {
    return """
        apiVersion: helm.toolkit.fluxcd.io/v2
        kind: HelmRelease
        metadata:
          name: app-name
        spec:
          values:
            image:
              tag: %2$s # {"$imagepolicy": "%1$s:app-name-dev:tag"}
        """.formatted(namespace, tag);
  }
}
