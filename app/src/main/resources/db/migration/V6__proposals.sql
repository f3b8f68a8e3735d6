-- A distribution list: households proposed to one municipality at one time.
create table allocation_list (
    id                  bigserial primary key,
    municipality_number char(4) not null references municipality (number),
    sent_at             timestamptz not null,
    sent_by             text not null,
    deadline            date not null,
    note                text
);

create table proposal (
    id                  bigserial primary key,
    allocation_list_id  bigint not null references allocation_list (id),
    case_id             bigint not null references settlement_case (id),
    municipality_number char(4) not null references municipality (number),
    status              text not null,
    proposed_at         timestamptz not null,
    deadline            date not null,
    answered_at         timestamptz,
    answered_by         text,
    answered_late       boolean,
    rejection_code      text,
    rejection_text      text,
    override_reason     text,
    version             integer not null default 0,
    check (status <> 'REJECTED' or (rejection_code is not null and rejection_text is not null))
);
-- A household is never proposed twice to the same municipality (a rejection is final for that pair).
create unique index proposal_once_per_municipality on proposal (case_id, municipality_number) where status <> 'WITHDRAWN';
-- At most one open proposal per household.
create unique index proposal_one_pending on proposal (case_id) where status = 'PENDING';
create index proposal_municipality on proposal (municipality_number, status, deadline);
