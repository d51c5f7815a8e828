package dev.imageautomation.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code status.lastScanResult.revision}: as Flux's file storage computes it, {@code sha256:<hex>} of the stored
 * tags each followed by a newline, in store order. A policy reconciles again only when this value changes.
 */
public final class TagChecksum {

    private TagChecksum() {
    }

    public static String of(List<String> tagsInStoreOrder) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String tag : tagsInStoreOrder) {
                sha.update(tag.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
