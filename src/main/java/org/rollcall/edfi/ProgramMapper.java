package org.rollcall.edfi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rollcall.model.Lineage;
import org.rollcall.model.Program;
import org.rollcall.model.Student;
import org.rollcall.report.Problem;

/**
 * A student's program flags to Ed-Fi Data Standard 5 program associations with the district's
 * programs (formats.md 1.6), and the Program resources themselves, all under the LEA. Required by
 * the DS 5.0 schema on every association: beginDate, educationOrganizationReference,
 * programReference, studentReference (and titleIPartAParticipantDescriptor on Title I Part A).
 * Pure, like {@link Ds5Mapper}, whose student mapping calls it.
 *
 * <ul>
 *   <li>special education: IEP_status Y, or, without an IEP_status, ext.idea_indicator Yes (students.csv's
 *       own column decides, as seed 000 gives SIS-synced values precedence); ideaEligibility from
 *       ext.idea_indicator; the primary disability type as its disability, designated IDEA;</li>
 *   <li>Section 504: ext.section_504_status Yes, a StudentProgramAssociation with the Section 504 program;</li>
 *   <li>school food service: Frl_status F or R, with the Free Lunch or Reduced Price Lunch service;</li>
 *   <li>Title I Part A: ext.title_i Yes, with the configured participant type;</li>
 *   <li>migrant education: ext.migrant_status Yes, a StudentProgramAssociation (see {@link ProgramKind});</li>
 *   <li>English learner: Ell_status Y, or an imported CALPADS LEP record of status LEP, a
 *       StudentLanguageInstructionProgramAssociation; it begins on the LEP record's Identified Date
 *       when there is one (seed 003: "ELA Start Date: Overwrites the Identified Date field in LEP").</li>
 * </ul>
 */
public final class ProgramMapper {

    private static final String YES = "Yes";

    /** The Program resources of {@code kinds} for the LEA, as the catalog names them. */
    public List<EdFiRecord> programs(Set<ProgramKind> kinds, MappingContext ctx) {
        List<EdFiRecord> out = new ArrayList<>();
        for (ProgramKind kind : kinds) {
            ProgramDefinition p = ctx.programs().program(kind);
            if (p == null) {
                continue;
            }
            ObjectNode body = EdFiJson.object();
            body.set("educationOrganizationReference", leaReference(ctx));
            body.put("programName", p.name());
            body.put("programTypeDescriptor", programType(ctx, p));
            out.add(EdFiRecord.of(EdFiResource.PROGRAMS, body, Lineage.of("configuration", 0)));
        }
        return out;
    }

    /** The student's program associations; none for a flag that is absent, "No" or withheld. */
    public List<EdFiRecord> associations(Student s, MappingContext ctx) {
        if (s.programs().isEmpty()) {
            return List.of();
        }
        List<EdFiRecord> out = new ArrayList<>(2);
        specialEducation(s, ctx).ifPresent(body -> out.add(record(ProgramKind.SPECIAL_EDUCATION, body, s)));
        if (YES.equals(s.program(Program.SECTION_504))) {
            association(s, ProgramKind.SECTION_504, ctx).ifPresent(body -> out.add(record(ProgramKind.SECTION_504, body, s)));
        }
        String frl = s.program(Program.FREE_REDUCED_LUNCH);
        if ("F".equals(frl) || "R".equals(frl)) {
            association(s, ProgramKind.SCHOOL_FOOD_SERVICE, ctx).ifPresent(body -> {
                ctx.mapped("schoolFoodService", frl).ifPresent(uri -> body.set("schoolFoodServiceProgramServices",
                        EdFiJson.array().add(EdFiJson.object().put("schoolFoodServiceProgramServiceDescriptor", uri))));
                out.add(record(ProgramKind.SCHOOL_FOOD_SERVICE, body, s));
            });
        }
        if (YES.equals(s.program(Program.TITLE_I))) {
            association(s, ProgramKind.TITLE_I_PART_A, ctx).ifPresent(body -> {
                body.put("titleIPartAParticipantDescriptor",
                        uriOf(ctx, "TitleIPartAParticipantDescriptor", ctx.programs().titleIParticipant()));
                out.add(record(ProgramKind.TITLE_I_PART_A, body, s));
            });
        }
        if (YES.equals(s.program(Program.MIGRANT))) {
            association(s, ProgramKind.MIGRANT, ctx).ifPresent(body -> out.add(record(ProgramKind.MIGRANT, body, s)));
        }
        String since = s.program(Program.ENGLISH_LEARNER_SINCE);
        if (since != null || "Y".equals(s.program(Program.ENGLISH_LEARNER))) {
            association(s, ProgramKind.ENGLISH_LEARNER, ctx).ifPresent(body -> {
                if (since != null) {
                    body.put("beginDate", since);
                }
                body.put("englishLearnerParticipation", true);
                out.add(record(ProgramKind.ENGLISH_LEARNER, body, s));
            });
        }
        return out;
    }

    private Optional<ObjectNode> specialEducation(Student s, MappingContext ctx) {
        String iep = s.program(Program.IEP);
        String idea = s.program(Program.IDEA);
        String disability = s.program(Program.PRIMARY_DISABILITY_TYPE);
        boolean participates = iep != null ? iep.equals("Y") : YES.equals(idea);
        if (!participates) {
            if (disability != null) {
                Lineage l = s.lineage();
                ctx.problems().report(Problem.warning(l.source(), l.line(), "ext.primary_disability_type",
                        "a primary disability type goes on the special education program association, and the "
                                + "student is in none (IEP_status, ext.idea_indicator); value not sent"));
            }
            return Optional.empty();
        }
        Optional<ObjectNode> association = association(s, ProgramKind.SPECIAL_EDUCATION, ctx);
        association.ifPresent(body -> {
            if (idea != null) {
                body.put("ideaEligibility", idea.equals(YES));
            }
            ctx.mapped("disability", disability).ifPresent(uri -> body.set("disabilities", EdFiJson.array().add(
                    EdFiJson.object().put("disabilityDescriptor", uri).put("orderOfDisability", 1)
                            .set("designations", EdFiJson.array().add(EdFiJson.object().put(
                                    "disabilityDesignationDescriptor", ctx.descriptor("DisabilityDesignationDescriptor",
                                            "Individuals with Disabilities Education Act")))))));
        });
        return association;
    }

    /** The association's key fields; empty when the district has no program of the kind. */
    private static Optional<ObjectNode> association(Student s, ProgramKind kind, MappingContext ctx) {
        ProgramDefinition p = ctx.programs().program(kind);
        if (p == null) {
            return Optional.empty();
        }
        ObjectNode body = EdFiJson.object();
        body.put("beginDate", ctx.programs().beginDate().toString());
        body.set("educationOrganizationReference", leaReference(ctx));
        body.set("programReference", EdFiJson.object()
                .put("educationOrganizationId", ctx.leaId())
                .put("programName", p.name())
                .put("programTypeDescriptor", programType(ctx, p)));
        body.set("studentReference", EdFiJson.object().put("studentUniqueId", s.uniqueId()));
        return Optional.of(body);
    }

    private static EdFiRecord record(ProgramKind kind, ObjectNode body, Student s) {
        return EdFiRecord.of(kind.association(), body, s.lineage());
    }

    private static ObjectNode leaReference(MappingContext ctx) {
        return EdFiJson.object().put("educationOrganizationId", ctx.leaId());
    }

    private static String programType(MappingContext ctx, ProgramDefinition p) {
        return uriOf(ctx, "ProgramTypeDescriptor", p.type());
    }

    /** A configured code value in the target's namespace, or a full {@code uri://...} as written. */
    private static String uriOf(MappingContext ctx, String descriptor, String value) {
        return value.startsWith("uri://") ? value : ctx.descriptor(descriptor, value);
    }

}
