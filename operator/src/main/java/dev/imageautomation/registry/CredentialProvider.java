package dev.imageautomation.registry;

/**
 * Registry credentials from a cloud identity ({@code spec.provider}: {@code aws}, {@code gcp}, {@code azure}).
 * A provider only serves registries whose host matches its pattern; for any other host
 * {@link #credentialsFor(ImageReference)} fails, as Flux's does, so a misconfigured object says so.
 */
public interface CredentialProvider extends CredentialSource, AutoCloseable {

    /** {@code aws}, {@code gcp} or {@code azure}. */
    String name();

    /** Whether the image's registry host belongs to this cloud. */
    boolean supports(ImageReference image);

    /** Releases what this provider holds for its identity alone, when it is dropped (a ServiceAccount's provider). */
    @Override
    default void close() {
    }
}
