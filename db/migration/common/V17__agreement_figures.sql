-- The last computed agreement figures of each campaign (per reading of "unclear"), kept across restarts so that the
-- first view after a start shows them at once instead of reading every label again (decision 0013). `signature` is
-- the campaign's label state they were computed from plus the figures' format: figures whose signature no longer
-- matches are shown as being updated while new ones are computed. Derived data: deleting a row loses nothing.
create table agreement_figures (
    campaign_id         bigint       not null references campaign (id) on delete cascade,
    unclear_as_category boolean      not null,
    signature           varchar(400) not null,
    figures_json        text         not null,
    computed_at         timestamp with time zone not null,
    primary key (campaign_id, unclear_as_category)
);
