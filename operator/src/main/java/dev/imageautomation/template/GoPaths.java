package dev.imageautomation.template;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path} package (slash-separated): Base, Dir, Ext, Clean. */
final class GoPaths {
    private GoPaths() {
    }

    static String base(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        String s = p;
        while (s.length() > 1 && s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.equals("/")) {
            return "/";
        }
        return s.substring(s.lastIndexOf('/') + 1);
    }

    static String dir(String p) {
        return clean(p.substring(0, p.lastIndexOf('/') + 1));
    }

    static String ext(String p) {
        for (int i = p.length() - 1; i >= 0 && p.charAt(i) != '/'; i--) {
            if (p.charAt(i) == '.') {
                return p.substring(i);
            }
        }
        return "";
    }

    static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        Deque<String> parts = new ArrayDeque<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
            } else {
                parts.addLast(part);
            }
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
