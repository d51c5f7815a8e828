package dev.imageautomation.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Fills a bare repository with {@code files} YAML files and {@code commits} commits on {@code main} in one
 * {@code git fast-import} stream: the first commit adds every file, each later one edits ten of them.
 */
final class LargeRepository {

    static final int FILES_PER_DIRECTORY = 100;

    private LargeRepository() {
    }

    static void generate(Path bare, int files, int commits) throws IOException, InterruptedException {
        Process importer = new ProcessBuilder("git", "fast-import", "--quiet", "--force")
                .directory(bare.toFile()).redirectErrorStream(true)
                .redirectOutput(bare.resolve("fast-import.log").toFile()).start();
        Random random = new Random(42);
        try (OutputStream out = new BufferedOutputStream(importer.getOutputStream(), 1 << 20)) {
            for (int commit = 1; commit <= commits; commit++) {
                StringBuilder changes = new StringBuilder();
                if (commit == 1) {
                    for (int file = 0; file < files; file++) {
                        appendFile(changes, file, commit);
                    }
                } else {
                    for (int edit = 0; edit < 10; edit++) {
                        appendFile(changes, random.nextInt(files), commit);
                    }
                }
                writeCommit(out, commit, changes);
            }
        }
        if (!importer.waitFor(10, TimeUnit.MINUTES) || importer.exitValue() != 0) {
            throw new IllegalStateException("git fast-import failed: "
                    + java.nio.file.Files.readString(bare.resolve("fast-import.log")));
        }
    }

    static String path(int file) {
        return String.format("apps/team-%03d/deploy-%05d.yaml", file / FILES_PER_DIRECTORY, file);
    }

    private static void appendFile(StringBuilder changes, int file, int commit) {
        byte[] content = ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-" + file
                + "\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n"
                + "        image: registry.example.test/app-" + file + ":1." + commit
                + ".0 # {\"$imagepolicy\": \"flux-system:app-" + file + "\"}\n").getBytes(StandardCharsets.UTF_8);
        changes.append("M 644 inline ").append(path(file)).append('\n')
                .append("data ").append(content.length).append('\n')
                .append(new String(content, StandardCharsets.UTF_8)).append('\n');
    }

    private static void writeCommit(OutputStream out, int commit, CharSequence changes) throws IOException {
        long when = 1_700_000_000L + commit * 60L;
        String message = "change " + commit;
        StringBuilder header = new StringBuilder()
                .append("commit refs/heads/main\n")
                .append("committer Bench <bench@example.test> ").append(when).append(" +0000\n")
                .append("data ").append(message.length()).append('\n').append(message).append('\n');
        out.write(header.toString().getBytes(StandardCharsets.UTF_8));
        out.write(changes.toString().getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
