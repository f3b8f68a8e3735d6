-- A proposal's change summary shown in the reader's language (as V55 did for notifications): the approval keeps the
-- message key and arguments its summary was worded from (shared.outbox.Wording), next to the Norwegian text it keeps
-- as today (what the approval's history and the case note record). The arguments are a JSON array of strings (names,
-- counts, already formatted) and nested wordings ({"key": ..., "args": [...]}). Older rows keep a null key and are
-- shown as stored.
alter table approval
    add column change_summary_key  text,
    add column change_summary_args text;
