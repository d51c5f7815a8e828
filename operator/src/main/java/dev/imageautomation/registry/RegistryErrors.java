package dev.imageautomation.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Turns a registry's error body ({@code {"errors":[{"code":..,"message":..}]}}) into a short suffix. */
final class RegistryErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LENGTH = 200;

    private RegistryErrors() {
    }

    static String detail(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode first = JSON.readTree(body).path("errors").path(0);
            String code = first.path("code").asText("");
            String message = first.path("message").asText("");
            String text = (code + " " + message).trim();
            return text.isEmpty() ? "" : " " + truncate(text);
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH) + "…";
    }
}
