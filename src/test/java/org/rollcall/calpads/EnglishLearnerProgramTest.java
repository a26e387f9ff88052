package org.rollcall.calpads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rollcall.registry.Overlay;
import org.rollcall.sandbox.Ds5Schema;

/** The English learner program association an LEP record becomes (the piece handed to the programs work). */
class EnglishLearnerProgramTest {

    @Test
    @DisplayName("seed 003: EL in the file makes the LEP Program Status LEP: a program association from its "
            + "Identified Date, valid against the DS 5.0 schema and descriptor sets")
    void anLepRecordBecomesAValidAssociation() {
        Overlay lep = Overlay.NONE.withLep("EL", "LEP", LocalDate.of(2020, 9, 1), null, null, "i1");
        ObjectNode body = EnglishLearnerProgram.association("600012", lep, EnglishLearnerProgram.PROGRAM_NAME,
                CalpadsFixture.context()).orElseThrow();
        assertThat(body.path("beginDate").asText()).isEqualTo("2020-09-01");
        assertThat(body.path("programReference").path("programName").asText()).isEqualTo("English Learner");
        assertThat(Ds5Schema.get().check("studentLanguageInstructionProgramAssociations", body, true)).isEmpty();
    }

    @Test
    @DisplayName("Not LEP, Exited LEP, EO and Pending records, and an LEP record without an Identified Date, start none")
    void otherStatusesStartNone() {
        for (String[] s : new String[][] {{"IFEP", "Not LEP"}, {"RFEP", "Exited LEP"}, {"EO", "EO"}, {"TBD", "Pending"}}) {
            Overlay o = Overlay.NONE.withLep(s[0], s[1], LocalDate.of(2020, 9, 1), null, null, "i1");
            assertThat(EnglishLearnerProgram.association("1", o, "English Learner", CalpadsFixture.context())).isEmpty();
        }
        assertThat(EnglishLearnerProgram.association("1", Overlay.NONE.withLep("EL", "LEP", null, null, null, "i1"),
                "English Learner", CalpadsFixture.context())).isEmpty();
    }
}
