package dev.imageautomation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTagStoreTest {

    private static final TagStoreKey KEY = new TagStoreKey("flux-system", "app");

    @TempDir
    Path storage;

    @Test
    void shouldKeepTagsAcrossAStoreRestartInStoreOrder() {
        new FileTagStore(storage).put(KEY, List.of("v2", "v10", "latest"));

        assertThat(new FileTagStore(storage).get(KEY)).contains(List.of("v2", "v10", "latest"));
        assertThat(storage.resolve("imagerepository/flux-system/app/tags.txt")).hasContent("v2\nv10\nlatest");
    }

    @Test
    void shouldCompressAHundredThousandTagsAndReadThemBack() throws IOException {
        List<String> tags = IntStream.range(0, 100_000).mapToObj(i -> "1.2." + i + "-build." + (i * 7)).toList();
        FileTagStore store = new FileTagStore(storage);

        store.put(KEY, tags);

        Path gz = storage.resolve("imagerepository/flux-system/app/tags.txt.gz");
        assertThat(gz).exists();
        assertThat(storage.resolve("imagerepository/flux-system/app/tags.txt")).doesNotExist();
        assertThat(Files.size(gz)).isLessThan(tags.stream().mapToLong(t -> t.length() + 1L).sum() / 4);
        assertThat(store.get(KEY)).contains(tags);
    }

    @Test
    void shouldReplaceTheCompressedVariantWhenTheSetShrinksBelowTheThreshold() {
        FileTagStore store = new FileTagStore(storage, 100);
        store.put(KEY, IntStream.range(0, 100).mapToObj(i -> "tag-" + i).toList());

        store.put(KEY, List.of("only"));

        assertThat(storage.resolve("imagerepository/flux-system/app/tags.txt.gz")).doesNotExist();
        assertThat(store.get(KEY)).contains(List.of("only"));
    }

    @Test
    void shouldPreferTheNewerFileWhenACrashLeftBothVariants() throws IOException {
        FileTagStore store = new FileTagStore(storage, 10);
        store.put(KEY, List.of("new-and-compressed", "x"));
        Path dir = storage.resolve("imagerepository/flux-system/app");
        Files.writeString(dir.resolve("tags.txt"), "old\n");
        Files.setLastModifiedTime(dir.resolve("tags.txt"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        assertThat(store.get(KEY)).contains(List.of("new-and-compressed", "x"));
    }

    @Test
    void shouldTreatACorruptFileAsMissingSoTheRepositoryIsRescanned() throws IOException {
        Path dir = storage.resolve("imagerepository/flux-system/app");
        Files.createDirectories(dir);
        Files.write(dir.resolve("tags.txt.gz"), new byte[] {31, -117, 8, 0, 1, 2});

        assertThat(new FileTagStore(storage).get(KEY)).isEmpty();
    }

    @Test
    void shouldIgnoreLeftoverTemporaryFilesAndRemoveThemOnTheNextWrite() throws IOException {
        FileTagStore store = new FileTagStore(storage);
        store.put(KEY, List.of("a"));
        Path leftover = storage.resolve("imagerepository/flux-system/app/tags.txt.tmp-crashed");
        Files.writeString(leftover, "half");

        assertThat(store.get(KEY)).contains(List.of("a"));
        store.put(KEY, List.of("b"));
        assertThat(leftover).doesNotExist();
    }

    @Test
    void shouldDeleteTheRepositoryDirectoryAndTheEmptyNamespaceDirectory() {
        FileTagStore store = new FileTagStore(storage);
        store.put(KEY, List.of("a"));

        store.delete(KEY);
        store.delete(KEY);

        assertThat(store.get(KEY)).isEmpty();
        assertThat(storage.resolve("imagerepository/flux-system")).doesNotExist();
    }

    @Test
    void shouldReportNothingForARepositoryNeverScanned() {
        assertThat(new FileTagStore(storage).get(new TagStoreKey("default", "never"))).isEmpty();
    }
}
