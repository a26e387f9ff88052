package org.rollcall.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

/** 429 and 503: honour Retry-After, in seconds or as an HTTP date, within a cap. */
class RetryAfterTest {

    private static HttpOperationFailedException answer(String retryAfter) {
        return new HttpOperationFailedException("http://x", 429, "Too Many Requests", null,
                retryAfter == null ? Map.of() : Map.of("Retry-After", retryAfter), "");
    }

    @Test
    void secondsDatesAndNonsense() {
        assertThat(DeliverySteps.retryAfter(answer("7"))).isEqualTo(Duration.ofSeconds(7));
        String in20s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
        assertThat(DeliverySteps.retryAfter(answer(in20s))).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(21));
        assertThat(DeliverySteps.retryAfter(answer("86400"))).isEqualTo(DeliverySteps.MAX_RETRY_AFTER);
        assertThat(DeliverySteps.retryAfter(answer("soon"))).isNull();
        assertThat(DeliverySteps.retryAfter(answer(null))).isNull();
    }
}
