package org.rollcall.arrival;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.rollcall.config.RollcallConfig;
import org.rollcall.config.Settings;

/**
 * When a district's drop counts as arrived, and where it comes from.
 *
 * @param inbox           the district's clever.inbox: where drops are read, whatever brought them
 * @param quietPeriod     every required file there and none changed for this long: the drop is complete
 * @param doneMarker      a file whose arrival says the drop is complete instead; empty when off
 * @param incompleteAfter how long an incomplete drop waits before the operator is told
 * @param poll            how often the inbox (and the SFTP account) is looked at
 * @param sftp            the district's SFTP account, or null when drops are put in the inbox
 */
public record ArrivalOptions(Path inbox, Duration quietPeriod, String doneMarker, Duration incompleteAfter,
                             Duration poll, SftpAccount sftp) {

    static ArrivalOptions of(RollcallConfig c, String district, Path home, List<String> problems) {
        ArrivalOptions o = new ArrivalOptions(home.resolve(c.get(Settings.CLEVER_INBOX, district)),
                c.get(Settings.CLEVER_QUIET_PERIOD, district), c.get(Settings.CLEVER_DONE_MARKER, district),
                c.get(Settings.CLEVER_INCOMPLETE_AFTER, district), c.get(Settings.CLEVER_POLL, district),
                SftpAccount.of(c, district, home, problems));
        if (o.sftp() != null && o.doneMarker().startsWith(".")) {
            // camel-ftp never lists hidden files, so the marker would never arrive
            problems.add(Settings.CLEVER_DONE_MARKER.nameFor(district) + ": '" + o.doneMarker() + "' is a hidden "
                    + "file name, and SFTP listings leave hidden files out; use a name such as upload.done");
        }
        return o;
    }

    public boolean hasDoneMarker() {
        return !doneMarker.isEmpty();
    }
}
