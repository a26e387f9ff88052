package org.rollcall.sync;

/** What the state store knows about one record at the target. */
public record RecordState(String naturalKey, String edfiId, String etag, String payloadHash,
                          String lastStatus, String lastSeenRun) {
}
