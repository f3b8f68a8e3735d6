-- The deadline scheduler runs on one application instance at a time: ShedLock keeps its lock here.
create table shedlock (
    name        varchar(64)  not null primary key,
    lock_until  timestamp    not null,
    locked_at   timestamp    not null,
    locked_by   varchar(255) not null
);

-- What the deadline rules report: one row per rule, item, stage and recipient (a username or a group such
-- as municipality:0301, reception:17, agency, duf:123456789012). The unique key is what makes each item
-- and stage notify once, however often and on however many instances the rules run. A row is resolved
-- when its rule no longer reports it (the proposal was answered, the date registered, the stage passed).
create table work_item (
    id              bigserial primary key,
    rule_code       text not null,
    item_key        text not null,
    stage           text not null,
    recipient       text not null,
    title           text not null,
    detail          text not null,
    case_id         bigint,
    due_date        date not null,
    link            text not null,
    last_seen_at    timestamptz not null,
    resolved_at     timestamptz,
    created_at      timestamptz not null,
    created_by      text not null,
    updated_at      timestamptz not null,
    updated_by      text not null,
    unique (rule_code, item_key, stage, recipient)
);
create index work_item_open_recipient on work_item (recipient, due_date) where resolved_at is null;
create index work_item_open_rule on work_item (rule_code) where resolved_at is null;
