package org.rollcall.sandbox;

/**
 * Wraps the handler chain and applies {@link SandboxFaults} to data API requests (discovery and
 * OAuth are left alone). A dropped connection is a {@link SandboxResponse} with status -1 after the
 * request was handled, which {@link HttpEntry} answers by closing the connection.
 */
final class FaultInjector implements SandboxHandler {

    static final int DROP = -1;

    private final SandboxHandler next;
    private final SandboxFaults faults;

    FaultInjector(SandboxHandler next, SandboxFaults faults) {
        this.next = next;
        this.faults = faults;
    }

    @Override
    public SandboxResponse handle(SandboxRequest request) {
        if (!request.path().startsWith("/data/") || !faults.appliesTo(request.path())) {
            return next.handle(request);
        }
        SandboxFaults.Fault fault;
        try {
            fault = faults.next();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Problem.systemFailure(request);
        }
        return switch (fault) {
            case NONE -> next.handle(request);
            case ERROR -> Problem.systemFailure(request);
            case TOO_MANY -> SandboxResponse.json(429, "{\"detail\":\"Too many requests\"}")
                    .withHeader("Retry-After", Long.toString(faults.retryAfterSeconds()));
            case UNAVAILABLE -> SandboxResponse.json(503, "{\"detail\":\"Service unavailable\"}")
                    .withHeader("Retry-After", Long.toString(faults.retryAfterSeconds()));
            case DROP -> {
                next.handle(request);
                yield SandboxResponse.empty(DROP);
            }
        };
    }
}
