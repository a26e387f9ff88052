package org.rollcall.edfi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.config.ConfigException;

class DescriptorCrosswalkTest {

    @TempDir
    Path dir;

    @Test
    void theShippedCleverCrosswalkCoversEverySeed000CodeButMultiracial() {
        DescriptorCrosswalk cw = DescriptorCrosswalk.load(Path.of("config/descriptors/clever.csv"), "uri://ed-fi.org");
        // seed 000: Gender "M (Male) F (Female) X (Non-binary)"
        assertThat(cw.descriptor("sex", "X")).contains("uri://ed-fi.org/SexDescriptor#Non-binary");
        // seed 000: Race A, B, I, M, P, W; M (Multiracial) has no single Ed-Fi race and stays unmapped
        for (String race : new String[] {"A", "B", "I", "P", "W"}) {
            assertThat(cw.descriptor("race", race)).isPresent();
        }
        assertThat(cw.descriptor("race", "M")).isEmpty();
        // seed 000: every listed Home_language
        for (String lang : new String[] {"English", "Albanian", "Amharic", "Arabic", "Bengali", "Bosnian", "Burmese",
                "Cantonese", "Chinese", "Dutch", "Farsi", "French", "German", "Hebrew", "Hindi", "Hmong", "Ilocano",
                "Japanese", "Javanese", "Karen", "Khmer", "Korean", "Laotian", "Latvian", "Malay", "Mandarin", "Nepali",
                "Oromo", "Polish", "Portuguese", "Punjabi", "Romanian", "Russian", "Samoan", "Serbian", "Somali",
                "Spanish", "Swahili", "Tagalog", "Tamil", "Telugu", "Thai", "Tigrinya", "Turkish", "Ukrainian", "Urdu",
                "Vietnamese"}) {
            assertThat(cw.descriptor("language", lang)).as(lang).isPresent();
        }
        assertThat(cw.descriptor("gradeLevel", "Kindergarten")).contains("uri://ed-fi.org/GradeLevelDescriptor#Kindergarten");
        assertThat(cw.descriptor("gradeLevel", "9")).contains("uri://ed-fi.org/GradeLevelDescriptor#Ninth grade");
    }

    @Test
    void descriptorsTakeTheTargetNamespaceUnlessWrittenAsFullUris() throws Exception {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "field,source_value,descriptor\nsex,M,SexDescriptor#Male\nsex,F,uri://ed-fi.org/SexDescriptor#Female\n");
        DescriptorCrosswalk cw = DescriptorCrosswalk.load(f, "uri://education.mn.gov/");
        assertThat(cw.descriptor("sex", "m")).contains("uri://education.mn.gov/SexDescriptor#Male");
        assertThat(cw.descriptor("sex", "F")).contains("uri://ed-fi.org/SexDescriptor#Female");
        assertThat(cw.descriptor("sex", "Q")).isEmpty();
        assertThat(cw.fingerprint()).isNotEqualTo(DescriptorCrosswalk.load(f, "uri://ed-fi.org").fingerprint());
    }

    @Test
    void aBadLineNamesTheFileAndLine() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "field,source_value,descriptor\nsex,M,SexDescriptor#Male\nsex,M,SexDescriptor#Female\n");
        assertThatThrownBy(() -> DescriptorCrosswalk.load(f, "uri://ed-fi.org")).isInstanceOf(ConfigException.class)
                .hasMessage(f + " line 3: sex 'M' is mapped twice");
        Files.writeString(f, "field,source_value,descriptor\nsex,M,Male\n");
        assertThatThrownBy(() -> DescriptorCrosswalk.load(f, "uri://ed-fi.org")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 2: 'Male' is not a descriptor");
        Files.writeString(f, "field,value\nsex,M\n");
        assertThatThrownBy(() -> DescriptorCrosswalk.load(f, "uri://ed-fi.org")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("header must be field,source_value,descriptor");
    }
}
