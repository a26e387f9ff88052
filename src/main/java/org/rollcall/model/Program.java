package org.rollcall.model;

/**
 * Program and status flags that sources report about a student. Values stay the source's codes
 * (Clever "Y", CALPADS "EL", ...); crosswalks and rules give them Ed-Fi meaning.
 */
public enum Program {
    ENGLISH_LEARNER,
    /** The ISO date a student was identified as an English learner (a CALPADS ELA import's LEP record). */
    ENGLISH_LEARNER_SINCE,
    FREE_REDUCED_LUNCH,
    IEP,
    IDEA,
    DISABILITY,
    PRIMARY_DISABILITY_TYPE,
    SECTION_504,
    ECONOMIC_DISADVANTAGE,
    MIGRANT,
    TITLE_I
}
