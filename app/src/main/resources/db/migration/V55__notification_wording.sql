-- A notification shown in the reader's language: the outbox message and the notification keep the message keys and
-- arguments their subject and body were worded from (shared.outbox.Wording), next to the Norwegian text they keep
-- as today (the e-mail copy and the record). The arguments are a JSON array of strings (already formatted: references,
-- names, dd.MM.yyyy dates, counts) and nested wordings ({"key": ..., "args": [...]}). Older rows keep null keys and
-- are shown as stored.
alter table outbox_message
    add column subject_key  text,
    add column subject_args text,
    add column body_key     text,
    add column body_args    text;

alter table notification
    add column subject_key  text,
    add column subject_args text,
    add column body_key     text,
    add column body_args    text;
