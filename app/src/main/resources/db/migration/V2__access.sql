-- Users of the staff side and the log of every read of a person's identifying data.
create table app_user (
    id                  bigserial primary key,
    username            text not null unique,
    password_hash       text,
    display_name        text not null,
    role                text not null,
    municipality_number char(4) references municipality (number),
    reception_centre_id bigint,
    email               text,
    enabled             boolean not null default true,
    created_at          timestamptz not null,
    created_by          text not null,
    check (role <> 'MUNICIPALITY_OFFICER' or municipality_number is not null),
    check (role <> 'RECEPTION_STAFF' or reception_centre_id is not null)
);

-- Third audit layer: who saw whose identifying data, when, and where (page or endpoint).
create table person_access_log (
    id          bigserial primary key,
    accessed_at timestamptz not null,
    username    text not null,
    role        text not null,
    person_id   bigint not null,
    purpose     text not null
);
create index person_access_log_person on person_access_log (person_id, accessed_at);
create index person_access_log_user on person_access_log (username, accessed_at);
