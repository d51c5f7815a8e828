package dev.imageautomation.registry;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file per ImageRepository: {@code <root>/imagerepository/<namespace>/<name>/tags.txt}, one tag per line in
 * store order, or {@code tags.txt.gz} when the text reaches the compression threshold (Flux's FluxStorage layout,
 * so a volume can move between the two). Writes go to a temporary file that is synced and atomically renamed,
 * so a crash leaves the old or the new set, never half a file. See the package documentation for why.
 */
public final class FileTagStore implements TagStore {

    /** Flux's {@code --storage-compression-threshold} default: 64 KiB. */
    public static final int DEFAULT_COMPRESSION_THRESHOLD = 64 * 1024;

    static final String PLAIN = "tags.txt";
    static final String GZIP = "tags.txt.gz";
    private static final String TEMP_MARKER = ".tmp-";
    private static final Logger LOG = LoggerFactory.getLogger(FileTagStore.class);

    private final Path root;
    private final int compressionThreshold;

    public FileTagStore(Path storagePath, int compressionThresholdBytes) {
        if (compressionThresholdBytes <= 0) {
            throw new IllegalArgumentException("compression threshold must be > 0");
        }
        this.root = storagePath.resolve("imagerepository");
        this.compressionThreshold = compressionThresholdBytes;
    }

    public FileTagStore(Path storagePath) {
        this(storagePath, DEFAULT_COMPRESSION_THRESHOLD);
    }

    @Override
    public void put(TagStoreKey key, List<String> tags) {
        long size = 0;
        for (String tag : tags) {
            if (tag.indexOf('\n') >= 0 || tag.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a tag cannot contain a line break");
            }
            size += tag.getBytes(StandardCharsets.UTF_8).length + 1L;
        }
        boolean compress = size >= compressionThreshold;
        Path dir = directory(key);
        try {
            Files.createDirectories(dir);
            removeLeftoverTemporaries(dir);
            Path target = dir.resolve(compress ? GZIP : PLAIN);
            Path temp = dir.resolve(target.getFileName() + TEMP_MARKER + UUID.randomUUID());
            write(temp, tags, compress);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(dir.resolve(compress ? PLAIN : GZIP));
        } catch (IOException e) {
            throw new UncheckedIOException("storing tags of " + key + " under " + dir + " failed", e);
        }
    }

    @Override
    public Optional<List<String>> get(TagStoreKey key) {
        Path dir = directory(key);
        Optional<Path> file = newest(dir.resolve(PLAIN), dir.resolve(GZIP));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(file.get()));
        } catch (NoSuchFileException deletedMeanwhile) {
            return Optional.empty();
        } catch (IOException e) {
            // unreadable data is treated as absent: the next reconcile rescans and rewrites it
            LOG.atWarn().addKeyValue("repository", key).addKeyValue("file", file.get())
                    .log("stored tags are unreadable, they will be rescanned: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void delete(TagStoreKey key) {
        Path dir = directory(key);
        try {
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path f : files) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
            deleteIfEmpty(dir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("deleting stored tags of " + key + " failed", e);
        }
    }

    Path directory(TagStoreKey key) {
        return root.resolve(key.namespace()).resolve(key.name());
    }

    private static void write(Path temp, List<String> tags, boolean compress) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            if (compress) {
                out = new GZIPOutputStream(out, 64 * 1024) {
                    {
                        def.setLevel(Deflater.BEST_COMPRESSION);
                    }
                };
            }
            try (BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                for (String tag : tags) {
                    writer.write(tag);
                    writer.write('\n');
                }
                writer.flush();
                if (out instanceof GZIPOutputStream gzip) {
                    gzip.finish();
                }
                channel.force(true);
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static List<String> read(Path file) throws IOException {
        List<String> tags = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    tags.add(line);
                }
            }
        }
        return tags;
    }

    /** If a crash left both variants, the newer one is the truth (as in Flux). */
    private static Optional<Path> newest(Path plain, Path gzip) {
        FileTime plainTime = modified(plain);
        FileTime gzipTime = modified(gzip);
        if (plainTime == null) {
            return gzipTime == null ? Optional.empty() : Optional.of(gzip);
        }
        return gzipTime != null && gzipTime.compareTo(plainTime) > 0 ? Optional.of(gzip) : Optional.of(plain);
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException absent) {
            return null;
        }
    }

    private static void removeLeftoverTemporaries(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + TEMP_MARKER + "*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                return;
            }
        }
        Files.deleteIfExists(dir);
    }
}
