package dev.imageautomation.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A repository address as written in {@code ImageRepository.spec.image}, canonicalised the way Flux does it with
 * go-containerregistry's weak validation: {@code alpine} → {@code index.docker.io/library/alpine},
 * {@code docker.io/x/y} → {@code index.docker.io/x/y}, {@code host:5000/a/b} unchanged.
 *
 * @param registry the registry authority ({@code host[:port]}), {@code index.docker.io} for Docker Hub
 * @param repository the repository path inside the registry, with Docker Hub's implicit {@code library/} added
 */
public record ImageReference(String registry, String repository) {

    /** Docker Hub's registry as go-containerregistry names it (and as Flux writes canonical names). */
    public static final String DOCKER_HUB = "index.docker.io";

    private static final String REPOSITORY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_-./";

    public ImageReference {
        if (registry == null || registry.isEmpty() || repository == null || repository.isEmpty()) {
            throw new IllegalArgumentException("registry and repository must not be empty");
        }
    }

    /**
     * Parses {@code spec.image}. The messages of the exceptions are written for {@code kubectl describe}.
     *
     * @throws InvalidImageReferenceException when the value has a scheme, a tag, a digest or invalid characters
     */
    public static ImageReference parse(String image) {
        if (image == null || image.isBlank()) {
            throw new InvalidImageReferenceException("image must not be empty");
        }
        int scheme = image.indexOf("://");
        if (scheme >= 0) {
            throw new InvalidImageReferenceException("image '%s' should not include URL scheme; remove '%s'"
                    .formatted(image, image.substring(0, scheme + 3)));
        }
        int at = image.indexOf('@');
        if (at >= 0) {
            throw new InvalidImageReferenceException("image '%s' should not include a digest; remove '%s'"
                    .formatted(image, image.substring(at)));
        }
        int slash = image.indexOf('/');
        String first = slash < 0 ? "" : image.substring(0, slash);
        boolean explicitRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
        String registry = explicitRegistry ? first : "";
        String path = explicitRegistry ? image.substring(slash + 1) : image;
        int colon = path.indexOf(':');
        if (colon >= 0) {
            throw new InvalidImageReferenceException("image '%s' should not include a tag; remove '%s'"
                    .formatted(image, path.substring(colon)));
        }
        checkRepository(image, path);
        return new ImageReference(canonicalRegistry(image, registry), canonicalRepository(registry, path));
    }

    /** {@code status.canonicalImageName}: {@code registry/repository}. */
    public String canonicalName() {
        return registry + "/" + repository;
    }

    /** The host without a port, used to match cloud provider patterns. */
    public String host() {
        int colon = registry.lastIndexOf(':');
        return colon > 0 && !registry.endsWith("]") ? registry.substring(0, colon) : registry;
    }

    @Override
    public String toString() {
        return canonicalName();
    }

    private static String canonicalRegistry(String image, String registry) {
        if (registry.isEmpty() || registry.equals("docker.io")) {
            return DOCKER_HUB;
        }
        try {
            URI uri = new URI("//" + registry);
            if (!registry.equals(uri.getRawAuthority()) || uri.getHost() == null) {
                throw new URISyntaxException(registry, "not a host[:port]");
            }
        } catch (URISyntaxException e) {
            throw new InvalidImageReferenceException(
                    "image '%s': registry '%s' is not a valid host[:port]".formatted(image, registry));
        }
        return registry;
    }

    private static String canonicalRepository(String registry, String path) {
        boolean dockerHub = registry.isEmpty() || registry.equals("docker.io") || registry.equals(DOCKER_HUB);
        return dockerHub && !path.contains("/") ? "library/" + path : path;
    }

    private static void checkRepository(String image, String path) {
        if (path.length() < 2 || path.length() > 255) {
            throw new InvalidImageReferenceException("image '%s': repository '%s' must be between 2 and 255 characters"
                    .formatted(image, path));
        }
        for (char c : path.toCharArray()) {
            if (REPOSITORY_CHARS.indexOf(c) < 0) {
                String hint = Character.isUpperCase(c) ? " (repository names are lowercase: '%s')"
                        .formatted(path.toLowerCase(Locale.ROOT)) : "";
                throw new InvalidImageReferenceException(
                        "image '%s': repository may only contain [a-z0-9_-./], found '%s'%s".formatted(image, c, hint));
            }
        }
        if (path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
            throw new InvalidImageReferenceException("image '%s': repository '%s' has an empty path component"
                    .formatted(image, path));
        }
    }
}
