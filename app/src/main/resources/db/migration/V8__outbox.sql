-- Side effects (letters, notifications) are written here in the same transaction as the change
-- that causes them, and delivered afterwards, so a crash never loses or duplicates one.
create table outbox_message (
    id            bigserial primary key,
    topic         text not null,
    recipient     text not null,
    subject       text not null,
    body          text not null,
    case_id       bigint,
    created_at    timestamptz not null,
    attempts      integer not null default 0,
    delivered_at  timestamptz,
    last_error    text
);
create index outbox_undelivered on outbox_message (id) where delivered_at is null;

-- What the local delivery adapter "sent"; shown to users as their notifications.
create table notification (
    id          bigserial primary key,
    recipient   text not null,
    subject     text not null,
    body        text not null,
    case_id     bigint,
    created_at  timestamptz not null,
    read_at     timestamptz
);
create index notification_recipient on notification (recipient, created_at desc);
