-- Indicator tables per municipality (labour market, introduction-programme results, immigrant share, IMDi's
-- requested, decided and settled numbers), imported from CSV files or shipped by V41.1; owned by `indicators`.
create table indicator_import (
    id          bigserial primary key,
    file_name   text not null,
    row_count   integer not null,
    imported_at timestamptz not null,
    imported_by text not null
);

create table indicator_value (
    indicator           text not null check (indicator in ('UNEMPLOYMENT', 'INTRODUCTION_RESULTS', 'IMMIGRANT_SHARE',
                                                          'SETTLED', 'REQUESTED', 'DECIDED')),
    municipality_number char(4) not null references municipality (number),
    year                integer not null check (year between 1990 and 2100),
    value               numeric(12, 3) not null check (value >= 0),
    source              text not null,
    table_id            text not null,
    note                text,
    import_id           bigint references indicator_import (id),
    primary key (indicator, municipality_number, year)
);

-- Secondary moves of settled persons (report 002 lines 3786–3831; report 001 lines 835–845); owned by `moves`.
create table secondary_move (
    id                bigserial primary key,
    case_id           bigint not null references settlement_case (id),
    person_id         bigint not null references person (id),
    from_municipality char(4) not null references municipality (number),
    to_municipality   char(4) not null references municipality (number),
    moved_on          date not null,
    settled_on        date not null,
    reason            text not null check (reason in ('FAMILY', 'WORK', 'EDUCATION', 'OTHER')),
    agreed            boolean not null,
    note              text,
    registered_at     timestamptz not null,
    registered_by     text not null,
    check (from_municipality <> to_municipality),
    check (moved_on >= settled_on)
);
create index secondary_move_person on secondary_move (person_id, moved_on);
create index secondary_move_case on secondary_move (case_id);
