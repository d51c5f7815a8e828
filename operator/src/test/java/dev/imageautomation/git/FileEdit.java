package dev.imageautomation.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A repeatable {@link TreeUpdate} for tests: sets one file's content, reporting a change only when the content
 * differs, and counts how often it was applied.
 */
final class FileEdit implements TreeUpdate {

    private final String path;
    private final String content;
    private final String message;
    private int applications;

    FileEdit(String path, String content, String message) {
        this.path = path;
        this.content = content;
        this.message = message;
    }

    @Override
    public synchronized Optional<String> apply(Path workTree) throws IOException {
        applications++;
        Path file = workTree.resolve(path);
        if (Files.exists(file) && Files.readString(file).equals(content)) {
            return Optional.empty();
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return Optional.of(message);
    }

    synchronized int applications() {
        return applications;
    }
}
