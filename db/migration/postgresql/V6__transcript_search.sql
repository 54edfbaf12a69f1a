-- PostgreSQL's full-text search over transcripts (decision 0005): one tsvector per message, per 50,000 characters of
-- a longer one; message_ordinal -1 marks a transcript as indexed. Filled after imports by the app (SearchCatchUp), not
-- by the importer; rows go with their transcript. H2 keeps a Lucene index beside the database instead.
create table transcript_search (
    transcript_id   bigint  not null references transcript (id) on delete cascade,
    message_ordinal integer not null,
    chunk           integer not null,
    document        tsvector not null,
    primary key (transcript_id, message_ordinal, chunk)
);
create index ix_transcript_search_document on transcript_search using gin (document);
