package org.rollcall.sync;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.rollcall.edfi.EdFiResource;

/**
 * The state store work of a plan, one lane per resource: a resource's batches run one after another
 * in the order they were handed over (the planner relies on that to catch a key repeated in the run),
 * while different resources' batches, and the reading and mapping that feeds them, run at once.
 * Each lane holds at most {@link #DEPTH} batches waiting, so memory stays flat: a reader that gets
 * ahead waits. The first failure of any lane is rethrown to the caller.
 */
final class PlanLanes {

    static final int DEPTH = 2;

    private final Map<EdFiResource, Lane> lanes = new EnumMap<>(EdFiResource.class);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    private static final class Lane {
        final ThreadPoolExecutor thread;
        final Semaphore room = new Semaphore(DEPTH);

        Lane(EdFiResource resource) {
            thread = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "rollcall-plan-" + resource.collection());
                t.setDaemon(true);
                return t;
            });
            // an abandoned plan (its reader failed) leaves no thread behind
            thread.allowCoreThreadTimeOut(true);
        }
    }

    /** Runs {@code batch} on the resource's lane after the batches handed to it before. */
    void submit(EdFiResource resource, Runnable batch) {
        rethrow();
        Lane lane = lanes.computeIfAbsent(resource, Lane::new);
        try {
            lane.room.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateStoreException("interrupted while planning", e);
        }
        lane.thread.execute(() -> {
            try {
                if (failure.get() == null) {
                    batch.run();
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                lane.room.release();
            }
        });
    }

    /** Waits until every batch handed over has run; rethrows the first failure. */
    void await() {
        for (Lane lane : lanes.values()) {
            CountDownLatch done = new CountDownLatch(1);
            lane.thread.execute(done::countDown);
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateStoreException("interrupted while planning", e);
            }
            lane.thread.shutdown();
        }
        lanes.clear();
        rethrow();
    }

    /** Rethrows the first failure of any lane, if there was one. */
    void rethrow() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
