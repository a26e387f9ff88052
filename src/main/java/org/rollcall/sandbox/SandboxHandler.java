package org.rollcall.sandbox;

/**
 * Answers one sandbox request. Every request flows through a single chain of these (see {@link HttpEntry}), so
 * fault injection (error rates, latency, 429 bursts, token expiry) can be added as a handler that wraps the
 * next one.
 */
@FunctionalInterface
interface SandboxHandler {

    SandboxResponse handle(SandboxRequest request);
}
