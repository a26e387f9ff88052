package org.rollcall.run;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.support.SynchronizationAdapter;
import org.rollcall.edfi.client.AdaptiveConcurrency;
import org.rollcall.edfi.client.EdFiConnection;
import org.rollcall.edfi.client.EdFiError;
import org.rollcall.edfi.client.TokenProvider;
import org.rollcall.ops.Mask;
import org.rollcall.ops.RecordMetrics;
import org.rollcall.sync.Outcome;
import org.rollcall.sync.PlannedChange;
import org.rollcall.sync.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps the {@code edfi-delivery} route calls around its camel-http call: {@link #prepare} turns
 * a planned change into the request (POST, PUT or DELETE), {@link #succeeded} and {@link #failed}
 * record the target's answer, {@link #shouldRetry} decides redeliveries (the route's error handler
 * does the waiting), and {@link #process} runs before each redelivery to put a valid token and the
 * current ETag on the request.
 *
 * <p>Every request holds a slot of the target's {@link AdaptiveConcurrency} from prepare until the
 * record has its outcome, so a target that answers 429 gets fewer requests at once.
 */
public final class DeliverySteps implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySteps.class);
    private static final String CHANGE = "rollcallChange";
    private static final String TOKEN = "rollcallToken";
    private static final String AUTH_RETRIED = "rollcallAuthRetried";
    private static final String ETAG = "rollcallEtag";
    private static final String ETAG_RETRIED = "rollcallEtagRetried";
    private static final String THROTTLED = "rollcallThrottled";
    /** How many 429/503 answers one record waits out before it is a dead letter. */
    static final int THROTTLE_RETRIES = 12;
    /** Longest Retry-After honoured; a longer one is capped so a run cannot stall for hours. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    private final StateStore store;
    private final RecordMetrics metrics;

    public DeliverySteps(StateStore store, RecordMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /**
     * Body: a {@link PlannedChange}. Leaves the request for it, with only the headers Ed-Fi needs. The
     * method header is camel-http's enum, not its name: camel-http reads it as the enum, and a String
     * went through the type converter registry on every request.
     */
    public void prepare(Exchange exchange) throws InterruptedException {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        PlannedChange change = exchange.getIn().getBody(PlannedChange.class);
        exchange.setProperty(CHANGE, change);
        EdFiConnection target = run.district().target();
        Message m = exchange.getIn();
        m.removeHeaders("*");
        String collection = target.discovery().collectionUrl(change.resource().path());
        switch (change.action()) {
            case DELETE -> {
                m.setHeader(Exchange.HTTP_METHOD, HttpMethods.DELETE);
                m.setHeader(Exchange.HTTP_URI, collection + "/" + change.edfiId());
                m.setBody(null);
            }
            case REKEY -> {
                m.setHeader(Exchange.HTTP_METHOD, HttpMethods.PUT);
                m.setHeader(Exchange.HTTP_URI, collection + "/" + change.edfiId());
                m.setBody(change.payload());
            }
            default -> {
                m.setHeader(Exchange.HTTP_METHOD, HttpMethods.POST);
                m.setHeader(Exchange.HTTP_URI, collection);
                m.setBody(change.payload());
            }
        }
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setHeader("Accept", "application/json");
        exchange.setProperty(ETAG, change.etag());
        ifMatch(exchange, change);
        authorize(exchange, target.tokens());
        AdaptiveConcurrency slots = target.concurrency();
        slots.acquire();
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                slots.release();
            }
        });
    }

    /** Before a redelivery: send the current token (a new one after a 401) and ETag. */
    @Override
    public void process(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        ifMatch(exchange, exchange.getProperty(CHANGE, PlannedChange.class));
        authorize(exchange, run.district().target().tokens());
    }

    /**
     * Whether to send again: once after a 401 (with a new token), once after a 412 (with the ETag
     * read again), and up to the district's retry count after a 5xx, 408, 429 or a network failure,
     * waiting as long as a 429/503 Retry-After asks. Other 4xx answers are final.
     */
    public boolean shouldRetry(Exchange exchange) {
        Exception e = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        EdFiConnection target = run.district().target();
        int attempt = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        int status = status(e);
        if (status == 401) {
            // drop the refused token; threads that saw the same 401 share the one new token
            target.tokens().rejected(exchange.getProperty(TOKEN, String.class));
            return once(exchange, AUTH_RETRIED);
        }
        if (status == 412) {
            PlannedChange change = exchange.getProperty(CHANGE, PlannedChange.class);
            if (change.edfiId() == null || !once(exchange, ETAG_RETRIED)) {
                return false;
            }
            exchange.setProperty(ETAG, target.currentEtag(change.resource().path(), change.edfiId()).orElse(null));
            return true;
        }
        if (status == 429 || status == 503) {
            // the target asked us to come back later: its own budget, and the wait it names
            target.concurrency().throttled();
            Duration wait = retryAfter((HttpOperationFailedException) e);
            if (wait != null) {
                exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, wait.toMillis());
            }
            int throttled = exchange.getProperty(THROTTLED, 0, Integer.class) + 1;
            exchange.setProperty(THROTTLED, throttled);
            return throttled <= THROTTLE_RETRIES;
        }
        boolean transientFailure = status >= 500 || status == 408 || status == 0 && isNetwork(e);
        int otherAttempts = attempt - exchange.getProperty(THROTTLED, 0, Integer.class);
        return transientFailure && otherAttempts < run.district().retries();
    }

    /** The target accepted the record. */
    public void succeeded(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        PlannedChange change = exchange.getProperty(CHANGE, PlannedChange.class);
        Message m = exchange.getMessage();
        int status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        Outcome outcome = switch (change.action()) {
            case DELETE -> Outcome.DELETED;
            case EXIT -> Outcome.EXITED;
            case REKEY -> Outcome.UPDATED;
            default -> status == 201 ? Outcome.CREATED : Outcome.UPDATED;
        };
        String location = m.getHeader("Location", String.class);
        String id = location == null ? change.edfiId() : location.substring(location.lastIndexOf('/') + 1);
        run.district().target().concurrency().succeeded();
        store.recordOutcome(run.district().targetKey(), change, outcome, status, null, id, m.getHeader("ETag", String.class));
        metrics.record(run.district().id(), change.resource().collection(), outcome);
    }

    /**
     * The target refused the record, or never answered. A missing reference is re-queued once (the
     * route sends it again after this pass, when its parent has been sent); a DELETE of a record that
     * is already gone counts as deleted; anything else becomes a dead letter: the reason, the
     * target's response and the payload stay in the state store, and the next run sends it again.
     */
    public void failed(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        PlannedChange change = exchange.getProperty(CHANGE, PlannedChange.class);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int status = status(e);
        String message;
        String response = null;
        EdFiError error = null;
        if (e instanceof HttpOperationFailedException h) {
            response = h.getResponseBody();
            error = EdFiError.of(status, response);
            message = error.message();
        } else {
            message = "no answer from the Ed-Fi target: " + (e == null ? "unknown" : e.getClass().getSimpleName());
        }
        String target = run.district().targetKey();
        if (change.action() == PlannedChange.Action.DELETE && status == 404) {
            store.recordOutcome(target, change, Outcome.DELETED, status, "already gone from the target", null, null);
            metrics.record(run.district().id(), change.resource().collection(), Outcome.DELETED);
            return;
        }
        if (error != null && error.isUnresolvedReference() && change.attempts() == 0) {
            store.requeue(change, status, message);
            LOG.debug("run {}: {} {} re-queued after an unresolved reference", run.runId(),
                    change.resource().collection(), Mask.key(change.naturalKey()));
            return;
        }
        store.recordOutcome(target, change, Outcome.FAILED, status, message, null, null, response);
        metrics.record(run.district().id(), change.resource().collection(), Outcome.FAILED);
        LOG.debug("run {}: {} {} failed with {}", run.runId(), change.resource().collection(),
                Mask.key(change.naturalKey()), status);
    }

    private static boolean once(Exchange exchange, String property) {
        if (exchange.getProperty(property, false, Boolean.class)) {
            return false;
        }
        exchange.setProperty(property, true);
        return true;
    }

    private static void ifMatch(Exchange exchange, PlannedChange change) {
        String etag = exchange.getProperty(ETAG, String.class);
        boolean byId = change.action() == PlannedChange.Action.DELETE || change.action() == PlannedChange.Action.REKEY;
        if (byId && etag != null) {
            exchange.getIn().setHeader("If-Match", etag);
        } else {
            exchange.getIn().removeHeader("If-Match");
        }
    }

    private static void authorize(Exchange exchange, TokenProvider tokens) {
        String token = tokens.token();
        exchange.setProperty(TOKEN, token);
        exchange.getIn().setHeader("Authorization", "Bearer " + token);
    }

    /** Retry-After in seconds or as an HTTP date (RFC 9110), capped; null when absent or unreadable. */
    static Duration retryAfter(HttpOperationFailedException e) {
        String value = e.getResponseHeaders() == null ? null : e.getResponseHeaders().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("Retry-After")).map(h -> h.getValue()).findFirst().orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                d = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    private static int status(Throwable e) {
        return e instanceof HttpOperationFailedException h ? h.getStatusCode() : 0;
    }

    private static boolean isNetwork(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
