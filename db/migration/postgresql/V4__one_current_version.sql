-- At most one current version per transcript identity (run, split, file name), enforced by the database.
create unique index uq_transcript_current on transcript (run_id, split, file_name) where is_current;
