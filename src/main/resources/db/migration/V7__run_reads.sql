-- The natural keys and body hashes of a resource at a target, read once by a large run to settle its
-- unchanged and new records without a lookup each (StoredHashes). The index holds every column that
-- read asks for, so it is answered from the index alone, in key order, without touching the rows
-- (500,000 records: 0.4-2 s, against 5-7 s through the primary key and the rows).
create index record_state_hash on record_state (target, resource, natural_key, payload_hash);

-- What a SIS run compares of each registry student as it begins (KnownStudents), from the index alone.
create index student_registry_fingerprint on student_registry (district, local_number, student_hash,
    home_language_uri, ambiguous);
