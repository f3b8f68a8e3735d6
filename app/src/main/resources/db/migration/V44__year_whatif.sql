-- The planner's year what-if (issue 23 item 5): the engine's year planner run over the rest of a year from the waiting
-- households, a forecast scenario and today's decided places and pace. A run is kept with who ran it, when, its
-- inputs and its results, so two runs can be compared. New tables only; no existing row is changed.
create table year_whatif_run (
    id                   bigserial primary key,
    year                 integer not null,
    scenario             text not null,
    scenario_version     integer not null,
    scenario_persons     integer not null,
    start_date           date not null,
    policy_id            bigint not null references allocation_policy (id),
    pace_period          text not null,
    places_remaining     integer not null,
    unplaced_households  integer not null,
    unplaced_persons     integer not null,
    objective            double precision not null,
    seconds              double precision not null,
    created_at           timestamptz not null,
    created_by           text not null
);

-- Inputs: the households entering the year per quarter, from the waiting list or from the forecast, by type.
create table year_whatif_entry (
    run_id          bigint not null references year_whatif_run (id),
    quarter         integer not null check (quarter between 1 and 4),
    source          text not null check (source in ('WAITING', 'FORECAST')),
    household_type  text not null,
    households      integer not null,
    persons         integer not null,
    primary key (run_id, quarter, source, household_type)
);

-- Results: per municipality and quarter, the persons and households the year planner placed there and the sum of
-- their waiting days from the permit, against the year's decided places and the places used before the run.
create table year_whatif_result (
    run_id               bigint not null references year_whatif_run (id),
    municipality_number  char(4) not null references municipality (number),
    quarter              integer not null check (quarter between 1 and 4),
    decided              integer not null,
    used_before          integer not null,
    placed_persons       integer not null,
    placed_households    integer not null,
    wait_days            bigint not null,
    primary key (run_id, municipality_number, quarter)
);
create index year_whatif_run_created on year_whatif_run (created_at desc);
