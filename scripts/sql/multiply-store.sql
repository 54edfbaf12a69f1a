-- Benchmarks: turn a store holding the release (75,000 transcripts) into four times the release (300,000), as the
-- list benchmark needs. Every run gets three copies ("<path> copy 1".."copy 3") with the same transcripts (ids offset
-- by k * 10^12) and metric rows; messages are not copied (the list does not read them; search is measured on the
-- original 75,000). Portable SQL: runs on H2 (RunScript) and PostgreSQL (psql).
create table bench_copy (k integer not null);
insert into bench_copy values (1), (2), (3);

insert into run (path, setting, setting_source, variation, model, created_at, sample)
select r.path || ' copy ' || c.k, r.setting, r.setting_source, r.variation, r.model, r.created_at, r.sample
from run r cross join bench_copy c;

insert into transcript (id, run_id, split, file_name, query_index, version, is_current, content_sha256, byte_size,
  source_path, import_job_id, system_prompt_id, free_tier_tag, split_mismatch, user_input_sha256, message_count,
  scratchpad_blocks, has_output, cut_off, extra_json, imported_at)
select t.id + c.k * 1000000000000, copy.id, t.split, t.file_name, t.query_index, t.version, t.is_current,
  t.content_sha256, t.byte_size, t.source_path, t.import_job_id, t.system_prompt_id, t.free_tier_tag, t.split_mismatch,
  t.user_input_sha256, t.message_count, t.scratchpad_blocks, t.has_output, t.cut_off, t.extra_json, t.imported_at
from transcript t join run r on r.id = t.run_id cross join bench_copy c
join run copy on copy.path = r.path || ' copy ' || c.k and copy.sample = r.sample;

insert into metric (transcript_id, metric_name_id, value_type, bool_value, num_value, text_value, raw_value)
select m.transcript_id + c.k * 1000000000000, m.metric_name_id, m.value_type, m.bool_value, m.num_value,
  m.text_value, m.raw_value
from metric m cross join bench_copy c where m.transcript_id < 1000000000000;

drop table bench_copy;
-- the app notices a changed store by its import jobs and transcript ids; touch the newest job as an import would
update import_job set updated_at = current_timestamp where id = (select max(id) from import_job);
