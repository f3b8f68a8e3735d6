-- Applications for the state housing instruments (Husbanken), per household or per dwelling, so the
-- municipality sees what is pending and why something was refused.
create table housing_instrument (
    id                   bigserial primary key,
    municipality_number  char(4) not null references municipality (number),
    case_id              bigint references settlement_case (id),
    dwelling_id          bigint references dwelling (id),
    kind                 text not null check (kind in ('HOUSING_ALLOWANCE', 'START_LOAN', 'HUSBANKEN_LOAN', 'HUSBANKEN_GRANT')),
    applied_on           date not null,
    status               text not null check (status in ('PENDING', 'GRANTED', 'REFUSED', 'WITHDRAWN')),
    decided_on           date,
    amount               integer check (amount >= 0),
    refusal_reason       text,
    note                 text,
    created_at           timestamptz not null,
    created_by           text not null,
    updated_at           timestamptz not null,
    updated_by           text not null,
    check (case_id is not null or dwelling_id is not null),
    check (status <> 'REFUSED' or refusal_reason is not null),
    check ((status = 'PENDING') = (decided_on is null))
);
create index housing_instrument_municipality on housing_instrument (municipality_number, status, applied_on);
