-- Delivery engine: snapshots and what is gone from them, held and replayed changes, dead letters.

-- The body the target last accepted (an exit is that body plus exit fields) and the source that sent
-- it (a snapshot of one source never makes another source's records gone).
alter table record_state add column last_payload varchar(1000000);
alter table record_state add column source varchar(32);

-- A planned DELETE, exit or key change addresses an existing record by id; the old natural key of a
-- key change; how often the change was tried (an unresolved reference is re-queued once); the
-- target's response body of a dead letter.
alter table planned_change add column edfi_id varchar(64);
alter table planned_change add column etag varchar(128);
alter table planned_change add column previous_key varchar(600);
alter table planned_change add column attempts int default 0 not null;
alter table planned_change add column response varchar(4000);

-- Lookups a run makes per batch: state rows by natural key (an IN list on the key's leading column
-- is an index seek on H2 too), a resource's pending changes in sequence order, outcome counts.
create index record_state_key on record_state (natural_key);
create index record_state_present on record_state (target, resource, last_seen_run);
create index planned_change_resource on planned_change (run_id, resource, seq);
create index planned_change_outcome on planned_change (run_id, outcome);
create index planned_change_key_lookup on planned_change (natural_key);
