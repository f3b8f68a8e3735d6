-- Requests to reconsider a decision on settlement municipality (settlement-process §4.3): exceptional,
-- on fixed grounds, decided by the designated agency group after the municipality has been informed.
create table reconsideration (
    id                      bigserial primary key,
    case_id                 bigint not null references settlement_case (id),
    municipality_number     char(4) not null references municipality (number),
    status                  text not null check (status in ('REQUESTED', 'MUNICIPALITY_INFORMED', 'GRANTED', 'REFUSED')),
    requested_by_kind       text not null,
    requested_by_name       text,
    ground                  text not null,
    explanation             text not null,
    informed_at             timestamptz,
    informed_by             text,
    decided_at              timestamptz,
    decided_by              text,
    decision_reason         text,
    alternative_suggestion  text,
    version                 integer not null default 0,
    created_at              timestamptz not null,
    created_by              text not null,
    updated_at              timestamptz not null,
    updated_by              text not null
);
create unique index reconsideration_open_per_case on reconsideration (case_id) where status in ('REQUESTED', 'MUNICIPALITY_INFORMED');
create index reconsideration_status on reconsideration (status, created_at);

create table reconsideration_history (
    id                 bigserial primary key,
    reconsideration_id bigint not null references reconsideration (id),
    occurred_at        timestamptz not null,
    actor              text not null,
    actor_role         text not null,
    command            text not null,
    from_status        text,
    to_status          text not null,
    reason             text
);
create index reconsideration_history_request on reconsideration_history (reconsideration_id, occurred_at);
