package org.rollcall.calpads;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.rollcall.edfi.EdFiJson;
import org.rollcall.edfi.MappingContext;
import org.rollcall.registry.Overlay;

/**
 * The English learner program association of a student's LEP record (seed 003's "LEP record" as
 * Ed-Fi has it): a StudentLanguageInstructionProgramAssociation with the district's English learner
 * program, beginning on the LEP record's Identified Date.
 *
 * <p>A piece to hand over, not wired into delivery: the resource (and the program it references)
 * arrive with the programs work on another branch, which adds them to {@code EdFiResource} and the
 * mappers; that work calls {@link #association} for a student whose overlay has an LEP record.
 * Only an "LEP" record (ELA status EL) starts an association: an Exited LEP (RFEP) record's date is
 * the reclassification date, which ends the association begun earlier (its beginDate is in the
 * state store's last payload), and Not LEP, EO and Pending start none.
 */
public final class EnglishLearnerProgram {

    /** The program's name unless the district names it otherwise. */
    public static final String PROGRAM_NAME = "English Learner";
    static final String LEP = "LEP";

    private EnglishLearnerProgram() {
    }

    /** The association body for a student with an LEP record of status LEP and an Identified Date, else empty. */
    public static Optional<ObjectNode> association(String studentUniqueId, Overlay lep, String programName,
                                                   MappingContext ctx) {
        if (!LEP.equals(lep.lepStatus()) || lep.identifiedDate() == null) {
            return Optional.empty();
        }
        ObjectNode body = EdFiJson.object();
        body.put("beginDate", lep.identifiedDate().toString());
        body.set("educationOrganizationReference", EdFiJson.object().put("educationOrganizationId", ctx.leaId()));
        body.set("programReference", EdFiJson.object().put("educationOrganizationId", ctx.leaId())
                .put("programName", programName)
                .put("programTypeDescriptor", ctx.descriptor("ProgramTypeDescriptor", "English as a Second Language (ESL)")));
        body.set("studentReference", EdFiJson.object().put("studentUniqueId", studentUniqueId));
        return Optional.of(body);
    }
}
