package org.rollcall.calpads;

import java.util.Arrays;
import java.util.List;

/** Everything an import can say about a line, each with its message in {@link Messages}. */
enum Check {
    SSID_EXISTS("ssid.exists"),
    SSID_ELSEWHERE("ssid.elsewhere"),
    SSID_CONFLICT("ssid.conflict"),
    SSID_CLAIMED("ssid.claimed"),
    ELA_STATUS("ela.status"),
    ELA_START_DATE("ela.start-date"),
    HOME_LANGUAGE("home-language"),
    LEP_NOT_IN_FILE("lep-not-in-file"),
    ELA_UNKNOWN_STATUS("ela.unknown-status"),
    HOME_LANGUAGE_UNMAPPED("home-language.unmapped"),
    NOT_FOUND("match.not-found"),
    AMBIGUOUS("match.ambiguous"),
    REPEATED("match.repeated"),
    FIRST_NAME("match.first-name"),
    MIDDLE_NAME("match.middle-name"),
    LAST_NAME("match.last-name"),
    BIRTH_DATE("match.birth-date"),
    GENDER("match.gender"),
    FORMAT("format"),
    REQUEST_NONE_SELECTED("request.none-selected"),
    REQUEST_NEW("request.new"),
    REQUEST_NO_SELECTION("request.no-selection"),
    REQUEST_AUTO_SELECTED("request.auto-selected"),
    REQUEST_MANY_SELECTED("request.many-selected"),
    REQUEST_NO_REQUEST("request.no-request"),
    REQUEST_MANY_REQUESTS("request.many-requests"),
    REQUEST_SPLIT("request.split");

    private final String key;

    Check(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** The keys messages.properties must have (FORMAT's text is the reader's own). */
    static List<String> messageKeys() {
        return Arrays.stream(values()).filter(c -> c != FORMAT).map(Check::key).toList();
    }
}
