package org.rollcall.edfi;

import java.util.function.Supplier;

/**
 * The mapper for whatever Data Standard the target's discovery document names, chosen on first use
 * (rollcall.district.<id>.edfi.data-standard = auto), so a target that is down at start-up fails
 * the run that needs it rather than the hub.
 */
public final class DiscoveredMapper extends ForwardingMapper {

    private final Supplier<String> dataStandardVersion;
    private volatile EdFiMapper chosen;

    public DiscoveredMapper(Supplier<String> dataStandardVersion) {
        this.dataStandardVersion = dataStandardVersion;
    }

    @Override
    protected EdFiMapper delegate() {
        EdFiMapper m = chosen;
        if (m == null) {
            synchronized (this) {
                if (chosen == null) {
                    chosen = DataStandards.mapper(DataStandards.major(dataStandardVersion.get()));
                }
                m = chosen;
            }
        }
        return m;
    }
}
