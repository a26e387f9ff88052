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

    private SeedDemographics() {
    }
}
