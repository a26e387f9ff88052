package org.rollcall.run;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
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
 * a planned change into the request, {@link #succeeded} and {@link #failed} record the target's
 * answer, {@link #shouldRetry} decides redeliveries (the route's error handler does the waiting),
 * and {@link #process} runs before each redelivery to put a valid token on the request.
 */
public final class DeliverySteps implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(DeliverySteps.class);
    private static final String CHANGE = "rollcallChange";
    private static final String TOKEN = "rollcallToken";
    private static final String AUTH_RETRIED = "rollcallAuthRetried";

    private final StateStore store;
    private final RecordMetrics metrics;

    public DeliverySteps(StateStore store, RecordMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** Body: a {@link PlannedChange}. Leaves a POST of its payload, with only the headers Ed-Fi needs. */
    public void prepare(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        PlannedChange change = exchange.getIn().getBody(PlannedChange.class);
        exchange.setProperty(CHANGE, change);
        Message m = exchange.getIn();
        m.removeHeaders("*");
        m.setHeader(Exchange.HTTP_METHOD, "POST");
        m.setHeader(Exchange.HTTP_URI, run.district().target().discovery().collectionUrl(change.resource().path()));
        m.setHeader(Exchange.CONTENT_TYPE, "application/json");
        m.setHeader("Accept", "application/json");
        authorize(exchange, run.district().target().tokens());
        m.setBody(change.payload());
    }

    /** Before a redelivery: after a 401, drop the refused token; always send the current one. */
    @Override
    public void process(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        TokenProvider tokens = run.district().target().tokens();
        if (status(exchange.getException()) == 401) {
            tokens.rejected(exchange.getProperty(TOKEN, String.class));
        }
        authorize(exchange, tokens);
    }

    /**
     * Whether to send again: once after a 401 (with a new token), and up to the district's retry
     * count after a 5xx, 429 or a network failure. 4xx answers are final.
     */
    public boolean shouldRetry(Exchange exchange) {
        Exception e = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        int attempt = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        int status = status(e);
        if (status == 401) {
            if (exchange.getProperty(AUTH_RETRIED, false, Boolean.class)) {
                return false;
            }
            exchange.setProperty(AUTH_RETRIED, true);
            return true;
        }
        boolean transientFailure = status >= 500 || status == 429 || status == 408
                || status == 0 && isNetwork(e);
        return transientFailure && attempt < run.district().retries();
    }

    /** The target accepted the record: 201 created, 200 updated. */
    public void succeeded(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        PlannedChange change = exchange.getProperty(CHANGE, PlannedChange.class);
        Message m = exchange.getMessage();
        int status = m.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        Outcome outcome = status == 201 ? Outcome.CREATED : Outcome.UPDATED;
        String location = m.getHeader("Location", String.class);
        String id = location == null ? null : location.substring(location.lastIndexOf('/') + 1);
        store.recordOutcome(run.district().targetKey(), change, outcome, status, null, id, m.getHeader("ETag", String.class));
        metrics.record(run.district().id(), change.resource().collection(), outcome);
    }

    /** The target refused the record, or never answered: record why, for the report and the next run. */
    public void failed(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        PlannedChange change = exchange.getProperty(CHANGE, PlannedChange.class);
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int status = status(e);
        String message;
        if (e instanceof HttpOperationFailedException h) {
            message = EdFiError.of(status, h.getResponseBody()).message();
        } else {
            message = "no answer from the Ed-Fi target: " + (e == null ? "unknown" : e.getClass().getSimpleName());
        }
        store.recordOutcome(run.district().targetKey(), change, Outcome.FAILED, status, message, null, null);
        metrics.record(run.district().id(), change.resource().collection(), Outcome.FAILED);
        LOG.debug("run {}: {} {} failed with {}", run.runId(), change.resource().collection(),
                Mask.key(change.naturalKey()), status);
    }

    private static void authorize(Exchange exchange, TokenProvider tokens) {
        String token = tokens.token();
        exchange.setProperty(TOKEN, token);
        exchange.getIn().setHeader("Authorization", "Bearer " + token);
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
