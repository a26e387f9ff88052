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

    /**
     * The passes of a delivery, each a lazy iterator over one resource's pending changes: everything
     * but deletes in dependency order, then deletes in reverse order; then the same again, which
     * finds only the changes re-queued during the first round (an unresolved reference whose parent
     * has since been sent). Checks the target is reachable first.
     */
    public List<Iterator<PlannedChange>> byResource(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        if (run.district().target() != null) {
            run.district().target().tokens().token();
        }
        List<EdFiResource> order = EdFiResource.inDependencyOrder();
        List<Iterator<PlannedChange>> out = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (EdFiResource r : order) {
                out.add(new Pages(store, run.runId(), r, false));
            }
            for (int i = order.size() - 1; i >= 0; i--) {
                out.add(new Pages(store, run.runId(), order.get(i), true));
            }
        }
        return out;
    }

    /** Pages by sequence number so concurrent outcome updates never shift the window. */
    private static final class Pages implements Iterator<PlannedChange> {
        private final StateStore store;
        private final String runId;
        private final EdFiResource resource;
        private final boolean deletes;
        private Iterator<PlannedChange> page = java.util.Collections.emptyIterator();
        private long after;
        private boolean exhausted;

        Pages(StateStore store, String runId, EdFiResource resource, boolean deletes) {
            this.deletes = deletes;
            this.store = store;
            this.runId = runId;
            this.resource = resource;
        }

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && !exhausted) {
                List<PlannedChange> next = store.pending(runId, resource, after, PAGE, deletes);
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
