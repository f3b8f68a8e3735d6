-- The municipal council's decision on how many persons it will settle in a year.
create table capacity_decision (
    id                    bigserial primary key,
    municipality_number   char(4) not null references municipality (number),
    year                  integer not null,
    persons               integer not null check (persons >= 0),
    unaccompanied_minors  integer not null default 0 check (unaccompanied_minors >= 0),
    decided_on            date,
    version               integer not null default 0,
    created_at            timestamptz not null,
    created_by            text not null,
    updated_at            timestamptz not null,
    updated_by            text not null,
    unique (municipality_number, year)
);

create table capacity_decision_history (
    id                    bigserial primary key,
    capacity_decision_id  bigint not null references capacity_decision (id),
    changed_at            timestamptz not null,
    changed_by            text not null,
    persons               integer not null,
    unaccompanied_minors  integer not null,
    decided_on            date
);
