-- H2 2.4 evaluates a check constraint that compares strings (`in (...)`, `=`) with the compare mode of the session
-- that created it. Once that connection is closed (the pool retires Flyway's connection after 30 minutes) every
-- insert into the table fails with "Check constraint invalid", until the database is opened again. A fresh store
-- thus stopped accepting new campaigns half an hour after its first start. A regular expression needs no compare
-- mode: the same rule, without the failure. PostgreSQL keeps V10's constraint.
alter table campaign drop constraint ck_campaign_order;
alter table campaign add constraint ck_campaign_order check (regexp_like(item_order, '^(random|run)$'));
