-- Adjudicated ("gold") answers (issue #7): for an item of a campaign, the answer an adjudicator (researcher or admin)
-- decided for one rubric question, with the reason. One current answer per item and question; every decision is also
-- kept in gold_answer_revision, never overwritten. Gold answers feed raters-versus-classifier and the exports.
create table gold_answer (
    campaign_id   bigint         not null,
    transcript_id bigint         not null,
    question      varchar(100)   not null,
    answer        varchar(10000) not null,
    reason        varchar(10000) not null,
    adjudicator   varchar(100)   not null references app_user (username),
    revision      integer        not null,
    decided_at    timestamp with time zone not null,
    primary key (campaign_id, transcript_id, question),
    foreign key (campaign_id, transcript_id) references campaign_item (campaign_id, transcript_id) on delete cascade
);

create table gold_answer_revision (
    campaign_id   bigint         not null,
    transcript_id bigint         not null,
    question      varchar(100)   not null,
    revision      integer        not null,
    answer        varchar(10000), -- null: the gold answer was withdrawn
    reason        varchar(10000) not null,
    adjudicator   varchar(100)   not null references app_user (username),
    decided_at    timestamp with time zone not null,
    primary key (campaign_id, transcript_id, question, revision),
    foreign key (campaign_id, transcript_id) references campaign_item (campaign_id, transcript_id) on delete cascade
);
