-- Bodies apart from the rows a run updates once per record. A record's outcome, its state and the
-- snapshot's "seen" mark are small updates; with the bodies inline every one of them rewrote the
-- body too (H2 copies whole pages on write), which cost more than the HTTP call itself. A body is
-- written once: when it is planned, and when the target accepts it.

create table planned_payload (
    run_id       varchar(64)  not null,
    resource     varchar(96)  not null,
    natural_key  varchar(600) not null,
    payload      varchar(1000000) not null,
    primary key (run_id, resource, natural_key)
);
insert into planned_payload (run_id, resource, natural_key, payload)
    select run_id, resource, natural_key, payload from planned_change;
alter table planned_change drop column payload;

-- The body the target last accepted (an exit is that body plus exit fields).
create table record_payload (
    target       varchar(300) not null,
    resource     varchar(96)  not null,
    natural_key  varchar(600) not null,
    payload      varchar(1000000) not null,
    primary key (target, resource, natural_key)
);
insert into record_payload (target, resource, natural_key, payload)
    select target, resource, natural_key, last_payload from record_state where last_payload is not null;
alter table record_state drop column last_payload;

-- Indexes no query uses, each one more tree to update per planned or seen record: pending changes are
-- read by (run_id, resource, seq); the trace searches keys by pattern, which no index serves; the
-- unseen records of a snapshot are paged in primary key order.
drop index planned_change_pending;
drop index planned_change_key_lookup;
drop index record_state_present;
