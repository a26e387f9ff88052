package org.rollcall.run;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.rollcall.calpads.CalpadsImports;
import org.rollcall.edfi.ContactMapper;
import org.rollcall.edfi.DescriptorCrosswalk;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.edfi.MappingContext;
import org.rollcall.edfi.ProgramKind;
import org.rollcall.edfi.ProgramMapper;
import org.rollcall.model.Lineage;
import org.rollcall.ops.RecordMetrics;
import org.rollcall.registry.Overlays;
import org.rollcall.registry.RegistryEntry;
import org.rollcall.report.RunReport;
import org.rollcall.report.RunReportWriter;
import org.rollcall.skyward.SkywardDistricts;
import org.rollcall.sync.PlanSummary;
import org.rollcall.sync.RecordValidator;
import org.rollcall.sync.StateStore;
import org.rollcall.sync.SyncPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what a CALPADS Update changed, like any other run: each changed registry student is mapped
 * again, with its overlays, by the district's mapper and the crosswalk of the SIS that brought it
 * in (so the body is the one that SIS's next run builds), planned by {@link SyncPlanner} (not a
 * snapshot: nothing becomes gone), delivered by the district's {@code edfi-delivery} route and
 * reported in a run report. The run opens with the first changed student.
 *
 * <p>The run's report says source {@code calpads}; in the state store it is opened under the
 * student's SIS source, so the records it sends stay that source's and its snapshots keep judging them.
 */
final class CalpadsUpdateDelivery implements CalpadsImports.Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(CalpadsUpdateDelivery.class);
    private static final EdFiResource ENGLISH_LEARNERS = ProgramKind.ENGLISH_LEARNER.association();

    private final District district;
    private final StateStore store;
    private final SkywardDistricts skyward;
    private final RunReportWriter reports;
    private final RecordMetrics metrics;
    private final ProducerTemplate producer;
    private final Set<RecordValidator.Check> checks;
    private final String what;
    private final Map<String, MappingContext> contexts = new HashMap<>();
    private RunContext run;
    private SyncPlanner planner;
    private boolean englishLearnerProgram;

    CalpadsUpdateDelivery(District district, StateStore store, SkywardDistricts skyward, RunReportWriter reports,
                          RecordMetrics metrics, ProducerTemplate producer, Set<RecordValidator.Check> checks,
                          String what) {
        this.district = district;
        this.store = store;
        this.skyward = skyward;
        this.reports = reports;
        this.metrics = metrics;
        this.producer = producer;
        this.checks = checks;
        this.what = what;
    }

    @Override
    public void changed(RegistryEntry student, Lineage lineage) {
        if (run == null) {
            run = new RunContext(district, "calpads", Path.of(lineage.source()));
            store.openRun(run.runId(), district.id(), district.targetKey(), student.source(), what);
            planner = new SyncPlanner(store, district.targetKey(), run.runId(), mappingVersion(student.source()),
                    run.problems(), new RecordValidator(checks, store, district.targetKey()));
            LOG.info("run {}: sending what {} changed", run.runId(), what);
        }
        MappingContext ctx = context(student.source());
        List<EdFiRecord> records = district.mapper().student(Overlays.student(student, lineage), ctx);
        if (!englishLearnerProgram && records.stream().anyMatch(r -> r.resource() == ENGLISH_LEARNERS)) {
            // the first student the import put in the program brings the Program (unchanged when a SIS run sent it)
            englishLearnerProgram = true;
            new ProgramMapper().programs(EnumSet.of(ProgramKind.ENGLISH_LEARNER), ctx).forEach(planner::accept);
        }
        records.forEach(planner::accept);
    }

    @Override
    public CalpadsImports.Sent finish() {
        if (run == null) {
            return new CalpadsImports.Sent(null, true);
        }
        PlanSummary summary = planner.finish();
        run.plan(summary);
        if (summary.toSend() > 0) {
            Exchange result = producer.send("direct:edfi-delivery-" + district.id(),
                    ex -> ex.setProperty(RunContext.PROPERTY, run));
            if (result.getException() != null) {
                run.fail("the delivery could not finish; the next run sends again: " + Optional.ofNullable(
                        result.getException().getMessage()).orElse(result.getException().getClass().getSimpleName()));
            }
        }
        RunReport report = RunReports.build(run, store);
        Path file = reports.write(report);
        store.finishRun(run.runId(), report.status());
        metrics.run(report);
        LOG.info("run {}: {}; report {}", run.runId(), report.status(), file);
        return new CalpadsImports.Sent(run.runId(), report.exitCode() == 0);
    }

    /** The mapping version the SIS runs plan with (Clever's and Skyward's alike), so an unchanged body hashes the same. */
    private String mappingVersion(String source) {
        return district.mapper().version() + "/" + ContactMapper.VERSION;
    }

    private MappingContext context(String source) {
        // as that source's runs build it: Clever's with the district's programs, Skyward's without
        return contexts.computeIfAbsent(source, s -> "skyward".equals(s)
                ? new MappingContext(district.namespace(), crosswalk(s), district.lea().id(), run.problems(),
                        run.unmapped())
                : new MappingContext(district.namespace(), crosswalk(s), district.lea().id(), run.problems(),
                        run.unmapped(), district.programs()));
    }

    private DescriptorCrosswalk crosswalk(String source) {
        if ("skyward".equals(source)) {
            return skyward.get(district.id()).map(SkywardDistricts.Setup::crosswalk).orElse(district.cleverCrosswalk());
        }
        return district.cleverCrosswalk();
    }
}
