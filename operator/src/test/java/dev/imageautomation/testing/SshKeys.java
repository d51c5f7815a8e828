package dev.imageautomation.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Host, client and stranger ed25519 keys for {@link GitServers}' sshd, made with ssh-keygen. */
record SshKeys(Path directory) {

    static SshKeys create(Path directory) {
        SshKeys keys = new SshKeys(directory);
        keys.keygen("ssh_host_ed25519_key", "test-host");
        keys.keygen("id_ed25519", "test-client");
        keys.keygen("other_host_key", "impostor-host");
        try {
            Files.copy(directory.resolve("id_ed25519.pub"), keys.authorizedKeys());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** Generates a key pair with {@code ssh-keygen}, optionally protected by a passphrase. */
    static void generate(Path privateKey, String comment, String passphrase) {
        GitCli.run(privateKey.getParent(), Map.of(), List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase,
                "-C", comment, "-f", privateKey.toString()));
    }

    private void keygen(String name, String comment) {
        generate(directory.resolve(name), comment, "");
    }

    Path hostKey() {
        return directory.resolve("ssh_host_ed25519_key");
    }

    Path authorizedKeys() {
        return directory.resolve("authorized_keys");
    }

    String clientPrivateKey() {
        return read("id_ed25519");
    }

    String knownHostsLine(String host) {
        return host + " " + publicKeyTypeAndData("ssh_host_ed25519_key.pub") + "\n";
    }

    String otherKnownHostsLine(String host) {
        return host + " " + publicKeyTypeAndData("other_host_key.pub") + "\n";
    }

    private String publicKeyTypeAndData(String file) {
        String[] parts = read(file).trim().split(" ");
        return parts[0] + " " + parts[1];
    }

    private String read(String name) {
        try {
            return Files.readString(directory.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
