package dev.imageautomation.registry;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Docker config key matching as kubelet's credential provider does it (and go-containerregistry copies):
 * written by hand because no Java library implements these exact rules.
 */
final class RegistryKeyMatch {

    private RegistryKeyMatch() {
    }

    /** {@code https://index.docker.io/v1/} → {@code index.docker.io}; {@code host:5000/team} stays. */
    static String normalise(String key) {
        String value = key.trim();
        if (!value.startsWith("https://") && !value.startsWith("http://")) {
            value = "https://" + value;
        }
        URI uri = URI.create(value.replace(" ", "%20"));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (path.startsWith("/v2/") || path.startsWith("/v1/")) {
            path = path.substring(3);
        }
        return path.isEmpty() || path.equals("/") ? uri.getRawAuthority() : uri.getRawAuthority() + path;
    }

    /** Whether normalised {@code key} applies to {@code target} ({@code registry/repository}). */
    static boolean matches(String key, String target) {
        HostAndPath glob = HostAndPath.of(key);
        HostAndPath image = HostAndPath.of(target);
        if (!glob.port().equals(image.port())) {
            return false;
        }
        String[] globLabels = glob.host().split("\\.", -1);
        String[] imageLabels = image.host().split("\\.", -1);
        if (globLabels.length != imageLabels.length) {
            return false;
        }
        for (int i = 0; i < globLabels.length; i++) {
            if (!globMatches(globLabels[i], imageLabels[i])) {
                return false;
            }
        }
        return image.path().startsWith(glob.path());
    }

    private static boolean globMatches(String glob, String label) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(label).matches();
    }

    private record HostAndPath(String host, String port, String path) {
        static HostAndPath of(String schemeless) {
            int slash = schemeless.indexOf('/');
            String authority = slash < 0 ? schemeless : schemeless.substring(0, slash);
            String path = slash < 0 ? "" : schemeless.substring(slash);
            int colon = authority.lastIndexOf(':');
            boolean hasPort = colon > 0 && !authority.endsWith("]");
            return hasPort
                    ? new HostAndPath(authority.substring(0, colon), authority.substring(colon + 1), path)
                    : new HostAndPath(authority, "", path);
        }
    }
}
