package org.rollcall.clever;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A section's Ed-Fi courseCode: its Course_number; without one, its Course_name (sections of one
 * course share it); without either, its own Section_id, so the section is a course of its own. A
 * value longer than Ed-Fi's limit keeps its start and ends in a short hash of the whole, so two long
 * names that start alike stay two codes.
 */
final class CourseCodes {

    private static final int HASH_LENGTH = 8;

    private CourseCodes() {
    }

    static String code(String courseNumber, String courseName, String sectionId, int maxLength) {
        String source = courseNumber != null ? courseNumber : courseName != null ? courseName : sectionId;
        return fit(source, maxLength);
    }

    static String fit(String value, int maxLength) {
        if (value.length() <= maxLength) {
            return value;
        }
        return value.substring(0, maxLength - HASH_LENGTH - 1) + "~" + hash(value);
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
