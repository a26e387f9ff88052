package org.rollcall.clever;

/**
 * The demographic values Clever's students.csv supports, exactly as seed 000 (Amplify, "Clever
 * Enrollment: Demographics data") lists them: "The table that follows displays the demographic
 * fields available through Clever and the corresponding supported values." Anything else is
 * dropped with a warning.
 */
final class SeedDemographics {

    /** M (Male), F (Female), X (Non-binary). */
    static final CodeSet GENDER = CodeSet.exactly("M", "F", "X");

    /** A Asian, B Black or African-American, I American Indian or Alaska Native, M Multiracial, P Hawaiian or Pacific Islander, W White. */
    static final CodeSet RACE = CodeSet.exactly("A", "B", "I", "M", "P", "W");

    static final CodeSet HISPANIC_LATINO = CodeSet.exactly("Y", "N");

    /** The seed's list, in its order (its stray quote before "German" is a typo, not a value). */
    static final CodeSet HOME_LANGUAGE = CodeSet.ignoringCase(
            "English", "Albanian", "Amharic", "Arabic", "Bengali", "Bosnian", "Burmese", "Cantonese", "Chinese",
            "Dutch", "Farsi", "French", "German", "Hebrew", "Hindi", "Hmong", "Ilocano", "Japanese", "Javanese",
            "Karen", "Khmer", "Korean", "Laotian", "Latvian", "Malay", "Mandarin", "Nepali", "Oromo", "Polish",
            "Portuguese", "Punjabi", "Romanian", "Russian", "Samoan", "Serbian", "Somali", "Spanish", "Swahili",
            "Tagalog", "Tamil", "Telugu", "Thai", "Tigrinya", "Turkish", "Ukrainian", "Urdu", "Vietnamese");

    static final CodeSet ELL_STATUS = CodeSet.exactly("Y", "N");

    /** F (Free), R (Reduced), N (No discount). */
    static final CodeSet FRL_STATUS = CodeSet.exactly("F", "R", "N");

    static final CodeSet IEP_STATUS = CodeSet.exactly("Y", "N");

    /**
     * The extension fields' Yes/No: seed 000, "The value for each student demographic should be a valid
     * Common Education Data Standards (CEDS) demographic option, or null when the demographic does not
     * apply" and, for ext.title_i, "entering Yes or No". CEDS Yes/No (formats.md 2); Clever's own Y/N
     * convention is accepted too, in any case.
     */
    static final CodeSet CEDS_YES_NO = CodeSet.ignoringCase("Yes", "No")
            .alsoAccepting("Y", "Yes").alsoAccepting("N", "No");

    /**
     * ext.primary_disability_type: the CEDS Primary Disability Type / IDEA Disability Type codes
     * (formats.md 2): AUT Autism, DB Deaf-blindness, DD Developmental delay, EMN Emotional disturbance,
     * HI Hearing impairment, ID Intellectual Disability, MD Multiple disabilities, OI Orthopedic
     * impairment, OHI Other health impairment, SLD Specific learning disability, SLI Speech or language
     * impairment, TBI Traumatic brain injury, VI Visual impairment. Clever's API writes them lower-case.
     */
    static final CodeSet PRIMARY_DISABILITY_TYPE = CodeSet.ignoringCase(
            "AUT", "DB", "DD", "EMN", "HI", "ID", "MD", "OI", "OHI", "SLD", "SLI", "TBI", "VI");

    /** seed 000: "or null when the demographic does not apply" (the literal, in any case). */
    static final String NOT_APPLICABLE = "null";

    private SeedDemographics() {
    }
}
