-- Sample data gets identities no release can produce: a run is (path, sample), so importing the release never finds
-- the placeholder transcripts and never turns them into earlier versions of real data. Runs whose every transcript
-- came from a sample import are marked; a run that already mixes both (a release imported over the samples before
-- this change) stays unmarked, as real data.
alter table run add column sample boolean default false not null;
update run set sample = true
where exists (select 1 from transcript t where t.run_id = run.id)
  and not exists (select 1 from transcript t join import_job j on j.id = t.import_job_id
                  where t.run_id = run.id and j.origin <> 'sample');
alter table run drop constraint uq_run_path;
alter table run add constraint uq_run_path_sample unique (path, sample);

-- The report and the summary say how many prompt files were found unchanged.
alter table import_job add column prompts_unchanged integer default 0 not null;

-- Before V4 makes "one current version per identity" a constraint: where an import left two current versions of one
-- transcript (two files of one identity in one job), the newest stays current; the others stay as earlier versions.
update transcript set is_current = false
where is_current
  and exists (select 1 from transcript n where n.run_id = transcript.run_id and n.split = transcript.split
                and n.file_name = transcript.file_name and n.is_current and n.version > transcript.version);

-- import_job.status: running, completed, completed_with_rejections, rejected, failed, interrupted, undone
-- (ImportJobStatus).
