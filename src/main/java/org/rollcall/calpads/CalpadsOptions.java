package org.rollcall.calpads;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.rollcall.edfi.DescriptorCrosswalk;

/**
 * One district's CALPADS configuration ({@code rollcall.district.<id>.calpads.*}).
 *
 * @param inbox           folder watched for .txt files, or null when none is
 * @param inboxType       the type of a file whose name does not say it (null: refuse such files)
 * @param inboxMode       what an inbox file gets: Test (default) or Update
 * @param fatal           the match fields whose mismatch is fatal; the others are warnings
 * @param minScore        request results: the score a candidate needs to count as a match
 * @param autoSelectScore request results: a single candidate at or above it is imported when no
 *                        record was selected (above 100: never)
 * @param lepNotInFile    warn of registry students with an LEP record that the file has no line for
 * @param crosswalk       CALPADS codes to Ed-Fi descriptors in the district's namespace
 */
public record CalpadsOptions(Path inbox, Duration pollInterval, ImportType inboxType, ImportMode inboxMode,
                             Set<MatchField> fatal, int minScore, int autoSelectScore, boolean lepNotInFile,
                             DescriptorCrosswalk crosswalk) {
}
