-- The queue counts a rater's labels in a campaign on every `next` (progress); with only ix_label_annotator it walked
-- every label the rater ever made, in all campaigns.
create index ix_label_rater on label (campaign_id, annotator);
