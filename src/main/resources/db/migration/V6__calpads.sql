-- Rollcall's student registry and the CALPADS imports (seed 003). Runs on H2 and PostgreSQL alike.

-- The students the SIS sources (Clever, Skyward) have brought in, one row per district and Local
-- Student Number, refreshed by every SIS run (a row is rewritten only when the student changed).
-- The SIS's values live in the columns the matching needs and, whole, in student_json (the
-- canonical student without its enrollments), so a CALPADS Update can map the student again exactly
-- as the next SIS run will.
create table student_registry (
    district              varchar(64)   not null,
    local_number          varchar(64)   not null,
    source                varchar(32)   not null,
    source_id             varchar(128),
    unique_id             varchar(128),
    first_name            varchar(100),
    middle_name           varchar(100),
    last_name             varchar(100),
    birth_date            date,
    gender                varchar(16),
    legal_gender          varchar(16),
    -- blocking key for "did you mean" searches: birth date and Soundex of the last name (20120501R163)
    block_key             varchar(16),
    sis_state_id          varchar(32),
    home_language         varchar(100),
    home_language_uri     varchar(300),
    student_json          varchar(100000) not null,
    student_hash          varchar(64)   not null,
    -- two different students of one SIS run had this local number; CALPADS refuses to match it
    ambiguous             boolean       default false not null,
    last_seen_run         varchar(64),
    updated_at            timestamp     not null,
    primary key (district, local_number)
);

-- What CALPADS Update imports laid over a registry student (SSID, LEP record, primary language), in a
-- table of its own: SIS runs never write it and apply it whenever they map the student, so a nightly
-- run does not undo an import; an import rewrites these narrow rows, not the students.
create table student_overlay (
    district              varchar(64)   not null,
    local_number          varchar(64)   not null,
    ssid                  varchar(32),
    ela_status            varchar(8),
    lep_status            varchar(32),
    lep_identified_date   date,
    lep_tbd_date          date,
    lep_uri               varchar(300),
    primary_language      varchar(8),
    primary_language_uri  varchar(300),
    overlay_import        varchar(64),
    updated_at            timestamp     not null,
    primary key (district, local_number)
);

-- The lookups a batch makes, each an IN list on the leading (here: only) column of an index, which
-- H2 seeks as PostgreSQL does (an IN list on the second column of (district, x) makes H2 scan the
-- district): students by local number, who holds an SSID (imported or from the SIS), students
-- with the same birth date and a similar last name. The district is checked on the rows found.
create index student_registry_local on student_registry (local_number);
create index student_registry_sis_state_id on student_registry (sis_state_id);
create index student_registry_block on student_registry (block_key);
create index student_overlay_local on student_overlay (local_number);
create index student_overlay_ssid on student_overlay (ssid);

-- Every CALPADS import, Test or Update: an Update of a file asks for --force unless a Test of the
-- same content (hash) and type was run first.
create table calpads_import (
    import_id      varchar(64)   not null primary key,
    district       varchar(64)   not null,
    file_name      varchar(1000) not null,
    content_hash   varchar(64)   not null,
    import_type    varchar(16)   not null,
    mode           varchar(8)    not null,
    status         varchar(24)   not null,
    started_at     timestamp     not null,
    finished_at    timestamp,
    record_count   bigint,
    import_count   bigint,
    error_count    bigint,
    warning_count  bigint,
    run_id         varchar(64)
);

create index calpads_import_tested on calpads_import (district, content_hash, import_type, mode);

-- Scratch keys of an import in progress, deleted when it ends: the local numbers its lines named
-- (a repeated one is an error; a registry student with an LEP record none of them named gets the
-- seed's warning) and the SSIDs it imports (two students cannot get the same one).
create table calpads_import_key (
    -- import id, kind and value in one column, so a batch's lookup is an IN list on the primary key
    key_id        varchar(200) not null primary key,
    import_id     varchar(64)  not null,
    local_number  varchar(64),
    line          bigint       not null
);

create index calpads_import_key_import on calpads_import_key (import_id);
