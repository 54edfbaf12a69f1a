-- Roles become ADMIN, RESEARCHER and ANNOTATOR: the earlier RATER (who could read everything) becomes ANNOTATOR,
-- who sees only the campaigns they are in. An admin promotes an annotator to RESEARCHER where that is meant.
update app_user set role = 'ANNOTATOR' where role = 'RATER';
