-- The opt-in window after the permit, and households a municipality gave time to find their own dwelling.
create table self_settlement_window (
    id             bigserial primary key,
    case_id        bigint not null references settlement_case (id),
    opened_on      date not null,
    lease_deadline date not null,
    closed_at      timestamptz,
    closed_by      text,
    closed_reason  text,
    created_at     timestamptz not null,
    created_by     text not null
);
create unique index self_settlement_window_one_open on self_settlement_window (case_id) where closed_at is null;

create table municipality_initiated_self_settlement (
    case_id             bigint primary key references settlement_case (id),
    municipality_number char(4) not null references municipality (number),
    deadline            date not null,
    created_at          timestamptz not null,
    created_by          text not null
);
