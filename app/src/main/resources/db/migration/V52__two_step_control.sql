-- Two-step control (issue 18 item 5, NAV's totrinnskontroll): per decision kind the agency administrator decides whether
-- a second person must approve. When on, the command is recorded as a proposal and runs only when another person with
-- the right role approves it; or it is returned with a fixed reason and a text. New tables only; no existing row is changed.

-- The policy per kind, as data: on for all four by default (as NAV would have it).
create table approval_policy (
    kind        text primary key check (kind in ('BEYOND_PLACES', 'WITHDRAW_OFFER', 'RECONSIDERATION_OUTCOME', 'CLOSE_CASE')),
    required    boolean not null,
    updated_at  timestamptz,
    updated_by  text
);
insert into approval_policy (kind, required) values
    ('BEYOND_PLACES', true), ('WITHDRAW_OFFER', true), ('RECONSIDERATION_OUTCOME', true), ('CLOSE_CASE', true);

-- A proposed command awaiting approval: what would change (the command's input, encoded as a form), by whom, when, why.
create table approval (
    id              bigserial primary key,
    kind            text not null references approval_policy (kind),
    subject_id      bigint not null,
    case_id         bigint not null references settlement_case (id),
    case_reference  text not null,
    status          text not null check (status in ('PENDING', 'APPROVED', 'RETURNED')),
    command_input   text not null,
    change_summary  text not null,
    reason          text,
    proposed_at     timestamptz not null,
    proposed_by     text not null,
    proposed_by_name text not null,
    proposed_by_role text not null,
    decided_at      timestamptz,
    decided_by      text,
    decided_by_name text,
    return_reason   text check (return_reason in ('FACTS', 'RULES', 'REASONING', 'OTHER')),
    return_text     text,
    version         integer not null default 0
);
create index approval_pending on approval (status, proposed_at);
create index approval_case on approval (case_id);
-- One proposal of a kind pending per subject at a time.
create unique index approval_one_pending on approval (kind, subject_id) where status = 'PENDING';

create table approval_history (
    id           bigserial primary key,
    approval_id  bigint not null references approval (id),
    occurred_at  timestamptz not null,
    actor        text not null,
    actor_role   text not null,
    command      text not null,
    from_status  text,
    to_status    text not null,
    reason       text
);
create index approval_history_approval on approval_history (approval_id, occurred_at);
