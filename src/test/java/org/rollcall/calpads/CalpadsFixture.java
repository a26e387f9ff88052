package org.rollcall.calpads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rollcall.config.RollcallConfig;
import org.rollcall.edfi.DescriptorCrosswalk;
import org.rollcall.edfi.Ds5Mapper;
import org.rollcall.edfi.EdFiMapper;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.MappingContext;
import org.rollcall.edfi.UnmappedValues;
import org.rollcall.model.Lineage;
import org.rollcall.model.LocalEducationAgency;
import org.rollcall.model.PersonName;
import org.rollcall.model.School;
import org.rollcall.model.Student;
import org.rollcall.registry.Overlay;
import org.rollcall.registry.RegistryEntry;
import org.rollcall.registry.RegistryIntake;
import org.rollcall.registry.StudentRegistry;
import org.rollcall.report.ProblemSink;
import org.rollcall.sync.StateStore;

/**
 * A district "demo" with an H2 state store in memory, the repository's CALPADS config (layouts,
 * wording, ELA statuses, crosswalk), a registry filled the way a Clever run fills it, and an Update
 * delivery that records what it is handed.
 */
final class CalpadsFixture implements AutoCloseable {

    static final String DISTRICT = "demo";
    /** Where a run's intake maps the numbers it has seen (its files leave the folder as they are made). */
    static final java.nio.file.Path WORK = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    final Path dir;
    final StateStore store;
    final StudentRegistry registry;
    final CalpadsImports imports;
    final List<RegistryEntry> delivered = new ArrayList<>();
    final List<Lineage> lineages = new ArrayList<>();

    CalpadsFixture(Path dir) {
        this(dir, Map.of());
    }

    /** @param extra more rollcall.* keys, e.g. rollcall.district.demo.calpads.fatal */
    CalpadsFixture(Path dir, Map<String, String> extra) {
        this(dir, extra, org.rollcall.sync.TestStores.h2());
    }

    /** On a given state store (PostgreSQL in {@link CalpadsPostgresIT}). */
    CalpadsFixture(Path dir, Map<String, String> extra, StateStore store) {
        this.dir = dir;
        this.store = store;
        this.registry = new StudentRegistry(store);
        Map<String, String> p = new HashMap<>();
        p.put("rollcall.data-dir", dir.toString());
        p.put("rollcall.districts", DISTRICT);
        p.put("rollcall.district.demo.lea-id", "867530");
        p.put("rollcall.district.demo.lea-name", "Demo");
        p.put("rollcall.district.demo.clever.inbox", dir.resolve("inbox/clever").toString());
        p.putAll(extra);
        RollcallConfig config = RollcallConfig.of(p, Map.of());
        this.imports = CalpadsImports.from(config, Path.of("").toAbsolutePath(), store, dir.resolve("reports"));
    }

    /** A Clever-like student: local number, legal name, birth date, gender, the SIS's state id. */
    static Student student(String local, String first, String middle, String last, String birthDate, String gender,
                           String stateId) {
        return new Student("clever", "u" + local, "c" + local, local, stateId, PersonName.of(first, middle, last), null,
                LocalDate.parse(birthDate), gender, null, List.of("W"), false, "English", List.of(), Map.of(), null,
                null, "9", null, List.of(), Lineage.of("students.csv", 2));
    }

    /** Brings students into the registry as a SIS run does. */
    void register(Student... students) {
        RegistryIntake intake = new RegistryIntake(registry, DISTRICT, "sis-" + UUID.randomUUID(), false, new Ds5Mapper(),
                WORK);
        MappingContext ctx = context();
        for (Student s : students) {
            intake.student(s, ctx);
        }
        intake.finish();
    }

    static MappingContext context() {
        return new MappingContext("uri://ed-fi.org",
                DescriptorCrosswalk.load(Path.of("config/descriptors/clever.csv"), "uri://ed-fi.org"), 867530,
                ProblemSink.IGNORE, new UnmappedValues());
    }

    void overlay(String local, Overlay overlay) {
        registry.writeOverlays(DISTRICT, Map.of(local, overlay));
    }

    RegistryEntry entry(String local) {
        return registry.find(DISTRICT, local).orElseThrow();
    }

    /** A file of caret-delimited lines, CRLF, Windows-1252. */
    Path file(String name, String... lines) {
        try {
            Path f = dir.resolve(name);
            Files.writeString(f, String.join("\r\n", lines) + "\r\n", WINDOWS_1252);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CalpadsImports.Outcome test(Path file, ImportType type) {
        return imports.run(DISTRICT, file, type, ImportMode.TEST, false, null);
    }

    CalpadsImports.Outcome update(Path file, ImportType type) {
        return imports.run(DISTRICT, file, type, ImportMode.UPDATE, true, delivery());
    }

    CalpadsImports.Delivery delivery() {
        return new CalpadsImports.Delivery() {
            @Override
            public void changed(RegistryEntry student, Lineage lineage) {
                delivered.add(student);
                lineages.add(lineage);
            }

            @Override
            public CalpadsImports.Sent finish() {
                return new CalpadsImports.Sent("run-1", true);
            }
        };
    }

    /** The Error Detail lines of an import's text report: "line  message. Data File: ..." after the table header. */
    static List<String> detailLines(CalpadsImports.Outcome o) {
        List<String> lines = lines(o.report());
        int start = lines.indexOf("Error Detail:") + 2;
        List<String> out = new ArrayList<>();
        for (String l : lines.subList(start, lines.size())) {
            if (l.isBlank()) {
                break;
            }
            out.add(l);
        }
        return out;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mapper that maps nothing: registering students needs none of the Ed-Fi side. */
    static final EdFiMapper NONE = new EdFiMapper() {
        @Override
        public String version() {
            return "none";
        }

        @Override
        public List<EdFiRecord> localEducationAgency(LocalEducationAgency lea, MappingContext ctx) {
            return List.of();
        }

        @Override
        public List<EdFiRecord> school(School school, MappingContext ctx) {
            return List.of();
        }

        @Override
        public List<EdFiRecord> student(Student student, MappingContext ctx) {
            return List.of();
        }

        @Override
        public List<EdFiRecord> staff(org.rollcall.model.Staff x, MappingContext ctx) {
            return List.of();
        }

        @Override
        public List<EdFiRecord> course(org.rollcall.model.Course x, MappingContext ctx) {
            return List.of();
        }

        @Override
        public List<EdFiRecord> session(org.rollcall.model.Term x, MappingContext ctx) {
            return List.of();
        }

        @Override
        public List<EdFiRecord> section(org.rollcall.model.Section x, MappingContext ctx) {
            return List.of();
        }

        @Override
        public List<EdFiRecord> sectionEnrollment(org.rollcall.model.SectionEnrollment x, MappingContext ctx) {
            return List.of();
        }
    };

    @Override
    public void close() {
        store.close();
    }
}
