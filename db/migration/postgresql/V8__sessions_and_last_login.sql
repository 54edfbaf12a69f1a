-- When each person last logged in (shown to admins on /users); null until their first login after this version.
alter table app_user add column last_login_at timestamp with time zone;

-- Login sessions in the database (Spring Session JDBC), so that a login survives a restart of the app and works on
-- every instance that shares this database. The tables are Spring Session's own (schema-postgresql.sql of spring-session-jdbc
-- 4.1), created here rather than by Spring Session at start (spring.session.jdbc.initialize-schema=never).
-- PRINCIPAL_NAME is the username: deactivating a person deletes their rows, which ends their open sessions.
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    BYTEA not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
