-- Message threads between the agency and a municipality: one per case and municipality (the case is
-- proposed to or accepted by it) and one general thread per municipality. Replaces e-mail and phone.
create table message_thread (
    id                          bigserial primary key,
    kind                        text not null check (kind in ('CASE', 'MUNICIPALITY')),
    case_id                     bigint references settlement_case (id),
    municipality_number         char(4) not null references municipality (number),
    municipality_contact_name   text,
    municipality_contact_phone  text,
    municipality_contact_email  text,
    agency_contact_username     text,
    agency_contact_name         text,
    last_message_at             timestamptz,
    created_at                  timestamptz not null,
    created_by                  text not null,
    updated_at                  timestamptz not null,
    updated_by                  text not null,
    check ((kind = 'CASE') = (case_id is not null))
);
create unique index message_thread_case on message_thread (case_id, municipality_number) where kind = 'CASE';
create unique index message_thread_municipality on message_thread (municipality_number) where kind = 'MUNICIPALITY';
create index message_thread_recent on message_thread (municipality_number, last_message_at desc);

create table message (
    id               bigserial primary key,
    thread_id        bigint not null references message_thread (id),
    side             text not null check (side in ('AGENCY', 'MUNICIPALITY')),
    author_username  text not null,
    author_name      text not null,
    author_role      text not null,
    body             text not null,
    created_at       timestamptz not null,
    created_by       text not null
);
create index message_thread_order on message (thread_id, id);

-- Attachments are kept in the database with the message, so they stay with the case.
create table message_attachment (
    id            bigserial primary key,
    message_id    bigint not null references message (id),
    file_name     text not null,
    content_type  text not null,
    size_bytes    integer not null,
    content       bytea not null,
    created_at    timestamptz not null,
    created_by    text not null
);
create index message_attachment_message on message_attachment (message_id);

-- Every download of an attachment, by whom and when.
create table message_attachment_download (
    id             bigserial primary key,
    attachment_id  bigint not null references message_attachment (id),
    username       text not null,
    role           text not null,
    downloaded_at  timestamptz not null
);
create index message_attachment_download_attachment on message_attachment_download (attachment_id, downloaded_at);

-- Read markers: the last message each user has seen in a thread.
create table message_read (
    thread_id             bigint not null references message_thread (id),
    username              text not null,
    last_read_message_id  bigint not null,
    read_at               timestamptz not null,
    primary key (thread_id, username)
);
