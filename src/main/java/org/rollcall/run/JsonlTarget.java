package org.rollcall.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.camel.Exchange;
import org.rollcall.ops.RecordMetrics;
import org.rollcall.sync.Outcome;
import org.rollcall.sync.PlannedChange;
import org.rollcall.sync.StateStore;

/**
 * A target that is a folder: each run's changes go to {@code <dir>/<runId>/<resource>.jsonl}, one
 * payload per line, resources in dependency order (the layout lightbeam and other Ed-Fi tools
 * read); deletes go to {@code <dir>/<runId>/deletes/<resource>.jsonl} as natural keys. The state
 * store treats the folder like any target, so the next run writes only what changed.
 */
public final class JsonlTarget {

    private final StateStore store;
    private final RecordMetrics metrics;

    public JsonlTarget(StateStore store, RecordMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    /** Body: a {@link PlannedChange} of the run on the exchange. */
    public void write(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        PlannedChange change = exchange.getIn().getBody(PlannedChange.class);
        Path runDir = run.district().jsonlDir().resolve(run.runId());
        boolean delete = change.action() == PlannedChange.Action.DELETE;
        Path file = (delete ? runDir.resolve("deletes") : runDir).resolve(change.resource().collection() + ".jsonl");
        String line = delete ? "{\"naturalKey\":" + org.rollcall.edfi.EdFiJson.MAPPER.valueToTree(change.naturalKey())
                + "}" : change.payload();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file, e);
        }
        Outcome outcome = switch (change.action()) {
            case CREATE -> Outcome.CREATED;
            case DELETE -> Outcome.DELETED;
            case EXIT -> Outcome.EXITED;
            default -> Outcome.UPDATED;
        };
        store.recordOutcome(run.district().targetKey(), change, outcome, 0, null, null, null);
        metrics.record(run.district().id(), change.resource().collection(), outcome);
    }
}
