package org.rollcall.run;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.rollcall.calpads.CalpadsImports;
import org.rollcall.calpads.CalpadsOptions;
import org.rollcall.calpads.ImportMode;
import org.rollcall.calpads.ImportType;
import org.rollcall.ops.RecordMetrics;
import org.rollcall.report.RunReportWriter;
import org.rollcall.skyward.SkywardDistricts;
import org.rollcall.sync.RecordValidator;
import org.rollcall.sync.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CALPADS imports the {@code calpads-watch} route and {@code ./rollcall calpads import} start:
 * a file, its type and mode, and for an Update the delivery of what it changed
 * ({@link CalpadsUpdateDelivery}). Logs carry the import id and counts only; what the file says
 * about students is in its results report.
 */
public final class CalpadsImportRun {

    private static final Logger LOG = LoggerFactory.getLogger(CalpadsImportRun.class);

    private final Districts districts;
    private final CalpadsImports imports;
    private final StateStore store;
    private final SkywardDistricts skyward;
    private final RunReportWriter reports;
    private final RecordMetrics metrics;
    private final Supplier<ProducerTemplate> producers;
    private volatile ProducerTemplate producer;
    private final Set<RecordValidator.Check> checks;

    public CalpadsImportRun(Districts districts, CalpadsImports imports, StateStore store, SkywardDistricts skyward,
                            RunReportWriter reports, RecordMetrics metrics, Supplier<ProducerTemplate> producers,
                            Set<RecordValidator.Check> checks) {
        this.districts = districts;
        this.imports = imports;
        this.store = store;
        this.skyward = skyward;
        this.reports = reports;
        this.metrics = metrics;
        this.producers = producers;
        this.checks = checks;
    }

    /**
     * Imports one file of a district, Test or Update (an Update of a file no Test has checked needs
     * {@code force}: {@link CalpadsImports.NotTestedException}).
     */
    public CalpadsImports.Outcome run(String districtId, Path file, ImportType type, ImportMode mode, boolean force) {
        District d = districts.get(districtId);
        CalpadsImports.Delivery delivery = mode == ImportMode.UPDATE ? new CalpadsUpdateDelivery(d, store, skyward,
                reports, metrics, producer(), checks, "calpads " + type.key() + " update " + file.getFileName()) : null;
        CalpadsImports.Outcome o = imports.run(districtId, file, type, mode, force, delivery);
        LOG.info("CALPADS import {} of district {} ({} {}): {} records, {} to import, {} imported, {} errors, {} warnings; "
                        + "report {}", o.importId(), districtId, type.key(), mode.key(), o.records(), o.wouldImport(),
                o.imported(), o.errors(), o.warnings(), o.report());
        return o;
    }

    private ProducerTemplate producer() {
        ProducerTemplate p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = producers.get();
                }
                p = producer;
            }
        }
        return p;
    }

    /**
     * A file that arrived in a district's CALPADS inbox (the {@code calpads-watch} route): its type
     * as {@link CalpadsImports#typeOf} says, its mode {@code calpads.inbox.mode}. A file that cannot be imported
     * fails the exchange, and the route moves it to {@code error/}.
     */
    public CalpadsImports.Outcome inbox(Exchange exchange) {
        String districtId = exchange.getProperty(RunContext.DISTRICT_PROPERTY, String.class);
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        CalpadsOptions o = imports.options(districtId);
        CalpadsImports.Outcome outcome = run(districtId, file, imports.typeOf(districtId, file), o.inboxMode(), false);
        exchange.getIn().setBody(outcome);
        return outcome;
    }
}
