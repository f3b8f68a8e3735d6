-- Issue 16 point 6: a work item keeps the message key and arguments its title and detail were written from, so the
-- work list words it in the reader's language (English pages showed the stored Norwegian text). Existing rows keep
-- null keys and are shown as stored, in Norwegian, until the rule reports them again (every scheduler run does).
alter table work_item
    add column title_key   text,
    add column title_args  text[],
    add column detail_key  text,
    add column detail_args text[];
