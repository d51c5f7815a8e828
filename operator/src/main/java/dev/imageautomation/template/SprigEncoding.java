package dev.imageautomation.template;

import static dev.imageautomation.template.FunctionSpec.fixed;
import static dev.imageautomation.template.ParamType.ANY;
import static dev.imageautomation.template.ParamType.STRING;
import static dev.imageautomation.template.SprigFunctions.add;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.Adler32;

/** Sprig's hashes ({@code sha256sum}…), base64/base32 and JSON functions, plus the path helpers. */
final class SprigEncoding {
    private SprigEncoding() {
    }

    static void register(Map<String, FunctionSpec> t) {
        add(t, fixed("sha256sum", a -> digest("SHA-256", Args.str(a, 0)), STRING));
        add(t, fixed("sha1sum", a -> digest("SHA-1", Args.str(a, 0)), STRING));
        add(t, fixed("sha512sum", a -> digest("SHA-512", Args.str(a, 0)), STRING));
        add(t, fixed("adler32sum", a -> adler32(Args.str(a, 0)), STRING));
        add(t, fixed("b64enc", a -> Base64.getEncoder().encodeToString(bytes(a)), STRING));
        add(t, fixed("b64dec", a -> b64dec(Args.str(a, 0)), STRING));
        add(t, fixed("toJson", a -> GoJson.encodeOrEmpty(a.get(0), false, true), ANY));
        add(t, fixed("toPrettyJson", a -> GoJson.encodeOrEmpty(a.get(0), true, true), ANY));
        add(t, fixed("toRawJson", a -> GoJson.encode(a.get(0), false, false), ANY));
        add(t, fixed("mustToJson", a -> GoJson.encode(a.get(0), false, true), ANY));
        add(t, fixed("fromJson", a -> GoJsonReader.readOrNull(Args.str(a, 0)), STRING));
        add(t, fixed("mustFromJson", a -> GoJsonReader.read(Args.str(a, 0)), STRING));
        add(t, fixed("base", a -> GoPaths.base(Args.str(a, 0)), STRING));
        add(t, fixed("dir", a -> GoPaths.dir(Args.str(a, 0)), STRING));
        add(t, fixed("ext", a -> GoPaths.ext(Args.str(a, 0)), STRING));
        add(t, fixed("clean", a -> GoPaths.clean(Args.str(a, 0)), STRING));
        add(t, fixed("isAbs", a -> Args.str(a, 0).startsWith("/"), STRING));
    }

    private static byte[] bytes(java.util.List<Object> args) {
        return Args.str(args, 0).getBytes(StandardCharsets.UTF_8);
    }

    private static String digest(String algorithm, String input) throws NoSuchAlgorithmException {
        byte[] hash = MessageDigest.getInstance(algorithm).digest(input.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash);
    }

    private static String adler32(String input) {
        Adler32 adler = new Adler32();
        adler.update(input.getBytes(StandardCharsets.UTF_8));
        return Long.toString(adler.getValue());
    }

    /** Like Sprig, a decoding failure returns the error text instead of failing. */
    private static String b64dec(String s) {
        if (s.length() % 4 != 0) {
            return "illegal base64 data at input byte " + Math.min(firstBadByte(s), s.length() - s.length() % 4);
        }
        try {
            return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "illegal base64 data at input byte " + firstBadByte(s);
        }
    }

    private static int firstBadByte(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/' || c == '=')) {
                return i;
            }
        }
        return s.length() - s.length() % 4;
    }
}
