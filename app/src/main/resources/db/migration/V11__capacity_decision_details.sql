-- Why a council decided differently from the agency's request, kept with each recorded version.
alter table capacity_decision add column deviation_reason text;
alter table capacity_decision_history add column deviation_reason text;

-- A request the council has not yet decided on: visible as pending, never counted as places.
create table capacity_decision_pending (
    municipality_number char(4) not null references municipality (number),
    year                integer not null,
    expected_on         date,
    note                text,
    recorded_at         timestamptz not null,
    recorded_by         text not null,
    primary key (municipality_number, year)
);
