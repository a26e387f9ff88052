package org.rollcall.sync;

import java.time.LocalDate;
import java.util.Map;
import org.rollcall.edfi.EdFiResource;

/**
 * What a record missing from a complete snapshot means, per resource (issue defaults follow seed
 * 004: LocalEducationAgencies, schools and students are never deleted; enrollments are exited), and
 * how much one run may remove before the guard holds it.
 *
 * @param actions      per resource; a resource not listed is left alone
 * @param maxShare     the largest share of a resource's records one run may delete or exit
 * @param exitType     the ExitWithdrawTypeDescriptor URI an exited enrollment gets
 */
public record GonePolicy(Map<EdFiResource, Action> actions, double maxShare, String exitType) {

    public enum Action { DELETE, EXIT, IGNORE }

    public GonePolicy {
        actions = Map.copyOf(actions);
    }

    public Action action(EdFiResource resource) {
        return actions.getOrDefault(resource, Action.IGNORE);
    }

    /** The exit date of an enrollment that left the snapshot today. */
    public LocalDate exitDate(LocalDate today) {
        return today;
    }
}
