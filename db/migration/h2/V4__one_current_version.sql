-- At most one current version per transcript identity (run, split, file name), enforced by the database. H2 has no
-- partial index: a generated column is true for the current version and null for the others, and a unique index
-- over it ignores the nulls (H2's unique indexes treat nulls as distinct).
alter table transcript add column current_marker boolean generated always as (case when is_current then true end);
create unique index uq_transcript_current on transcript (run_id, split, file_name, current_marker);
