package org.rollcall.arrival;

import java.util.Map;
import java.util.Optional;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * {@code rollcall/clever-arrival-<id>} on /observe/health: down while the district's SFTP polling is
 * stopped (a refused host key) or an incomplete drop has waited longer than clever.incomplete-after.
 * A readiness check: the daemon itself is alive and serving its other districts.
 */
final class ArrivalHealthCheck extends AbstractHealthCheck {

    private final String district;
    private final DropArrival drops;
    private final SftpArrival sftp;

    ArrivalHealthCheck(String district, DropArrival drops, SftpArrival sftp) {
        super("rollcall", "clever-arrival-" + district);
        this.district = district;
        this.drops = drops;
        this.sftp = sftp;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("district", district);
        Optional<String> stopped = sftp == null ? Optional.empty() : sftp.stopped();
        Optional<String> overdue = drops.waitingTooLong(district);
        if (stopped.isPresent()) {
            builder.down().message(stopped.get());
        } else if (overdue.isPresent()) {
            builder.down().message(overdue.get());
        } else {
            builder.up();
        }
    }
}
