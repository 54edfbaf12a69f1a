-- The agreement page keeps a campaign's labels in memory and, after a change, reads only the labels changed since
-- the last view (issue #7, "Performance"): by campaign and time of change.
create index ix_label_changed on label (campaign_id, updated_at);
