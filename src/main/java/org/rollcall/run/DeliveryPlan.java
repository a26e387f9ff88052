package org.rollcall.run;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.camel.Exchange;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.sync.PlannedChange;
import org.rollcall.sync.StateStore;

/**
 * Hands the {@code edfi-delivery} route a run's plan one resource at a time, in Ed-Fi dependency
 * order, each as a lazy iterator that pages through the state store: the route sends a resource's
 * records in parallel and moves to the next resource only when all of them have an outcome.
 */
public final class DeliveryPlan {

    static final int PAGE = 200;

    private final StateStore store;

    public DeliveryPlan(StateStore store) {
        this.store = store;
    }

    /** One iterator per resource, lowest dependency level first. Checks the target is reachable first. */
    public List<Iterator<PlannedChange>> byResource(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        run.district().target().tokens().token();
        List<Iterator<PlannedChange>> out = new ArrayList<>();
        for (EdFiResource r : EdFiResource.inDependencyOrder()) {
            out.add(new Pages(store, run.runId(), r));
        }
        return out;
    }

    /** Pages by sequence number so concurrent outcome updates never shift the window. */
    private static final class Pages implements Iterator<PlannedChange> {
        private final StateStore store;
        private final String runId;
        private final EdFiResource resource;
        private Iterator<PlannedChange> page = java.util.Collections.emptyIterator();
        private long after;
        private boolean exhausted;

        Pages(StateStore store, String runId, EdFiResource resource) {
            this.store = store;
            this.runId = runId;
            this.resource = resource;
        }

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && !exhausted) {
                List<PlannedChange> next = store.pending(runId, resource, after, PAGE);
                exhausted = next.size() < PAGE;
                if (!next.isEmpty()) {
                    after = next.get(next.size() - 1).seq();
                }
                page = next.iterator();
            }
            return page.hasNext();
        }

        @Override
        public PlannedChange next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }
}
