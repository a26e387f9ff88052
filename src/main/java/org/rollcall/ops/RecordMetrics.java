package org.rollcall.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.function.Supplier;
import org.rollcall.report.RunReport;
import org.rollcall.sync.Outcome;

/**
 * Rollcall's own counters beside Camel's route metrics: records per district, resource and
 * outcome, and runs per district and status. Labels carry ids of districts and resources only,
 * never a student key.
 */
public final class RecordMetrics {

    private final Supplier<MeterRegistry> lookup;
    private volatile MeterRegistry registry;

    /** @param lookup finds the registry Camel's metrics use (known only once Camel runs); may return null */
    public RecordMetrics(Supplier<MeterRegistry> lookup) {
        this.lookup = lookup;
    }

    public void record(String district, String resource, Outcome outcome) {
        Counter.builder("rollcall.records").description("Records by how their delivery ended")
                .tag("district", district).tag("resource", resource).tag("outcome", outcome.label())
                .register(registry()).increment();
    }

    /** Counts a finished run and its unchanged records (which never reach delivery). */
    public void run(RunReport report) {
        Counter.builder("rollcall.runs").description("Runs by final status")
                .tag("district", report.district()).tag("source", report.source()).tag("status", report.status())
                .register(registry()).increment();
        for (Map.Entry<String, RunReport.Counts> e : report.resources().entrySet()) {
            if (e.getValue().unchanged() > 0) {
                Counter.builder("rollcall.records").description("Records by how their delivery ended")
                        .tag("district", report.district()).tag("resource", e.getKey())
                        .tag("outcome", Outcome.UNCHANGED.label())
                        .register(registry()).increment(e.getValue().unchanged());
            }
        }
    }

    public MeterRegistry registry() {
        MeterRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                if (registry == null) {
                    MeterRegistry found = lookup.get();
                    registry = found != null ? found : new SimpleMeterRegistry();
                }
                r = registry;
            }
        }
        return r;
    }
}
