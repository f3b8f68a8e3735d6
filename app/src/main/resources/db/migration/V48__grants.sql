-- Integration grants, additional grants and the AMOT/MAMOT monthly grant as data, per-person grant schedules (computed,
-- kept as snapshots: what was computed when) and payment runs that lock what was exported; owned by `grants`.

-- A rate: one version of a series. A correction writes a new version and marks the old one replaced (kept).
create table grant_rate (
    id          bigserial primary key,
    series_id   bigint not null,
    version     integer not null check (version >= 1),
    kind        text not null check (kind in ('INTEGRATION', 'UNACCOMPANIED_MINOR', 'DISABILITY', 'AMOT', 'MAMOT')),
    category    text check (category in ('SINGLE_ADULT', 'ADULT_IN_FAMILY', 'CHILD', 'UNACCOMPANIED_MINOR', 'ELDERLY')),
    scheme_year integer check (scheme_year between 1 and 5),
    amount      numeric(12, 0) not null check (amount >= 0),
    valid_from  date not null,
    valid_to    date,
    source      text not null check (length(trim(source)) > 0),
    demo        boolean not null default false,
    recorded_at timestamptz not null,
    recorded_by text not null,
    reason      text,
    replaced_at timestamptz,
    check (valid_to is null or valid_to >= valid_from),
    check ((kind = 'INTEGRATION') = (category is not null and scheme_year is not null)),
    unique (series_id, version)
);
create index grant_rate_lookup on grant_rate (kind, category, scheme_year, valid_from) where replaced_at is null;

-- A schedule snapshot per person: written when what the schedule computes differs from the person's last one.
create table grant_schedule (
    id          bigserial primary key,
    person_id   bigint not null references person (id),
    case_id     bigint not null references settlement_case (id),
    computed_at timestamptz not null,
    cause       text not null,
    settled_on  date,
    planned_on  date,
    category    text,
    fingerprint text not null,
    total       numeric(14, 0) not null,
    current     boolean not null
);
create unique index grant_schedule_current on grant_schedule (person_id) where current;
create index grant_schedule_case on grant_schedule (case_id);

create table grant_schedule_line (
    schedule_id         bigint not null references grant_schedule (id),
    kind                text not null,
    scheme_year         integer,
    period_month        date,
    calendar_year       integer not null,
    municipality_number char(4) not null references municipality (number),
    amount              numeric(12, 0),
    rate_id             bigint references grant_rate (id),
    expected            boolean not null
);
create index grant_schedule_line_municipality on grant_schedule_line (municipality_number, calendar_year);
create index grant_schedule_line_schedule on grant_schedule_line (schedule_id);

-- A payment run: what was exported is locked here; a correction run pays or claws back differences.
create table grant_payment_run (
    id          bigserial primary key,
    kind        text not null check (kind in ('REGULAR', 'CORRECTION')),
    up_to_year  integer not null,
    created_at  timestamptz not null,
    created_by  text not null,
    line_count  integer not null,
    total       numeric(14, 0) not null
);

create table grant_payment_line (
    id                  bigserial primary key,
    run_id              bigint not null references grant_payment_run (id),
    person_id           bigint not null references person (id),
    case_id             bigint not null references settlement_case (id),
    item_key            text not null,
    kind                text not null,
    scheme_year         integer,
    period_month        date,
    calendar_year       integer not null,
    municipality_number char(4) not null references municipality (number),
    amount              numeric(12, 0) not null,
    previous_amount     numeric(12, 0),
    rate_id             bigint references grant_rate (id),
    explanation         text,
    first_payment       boolean not null
);
-- No person is paid the same item twice by a regular run: corrections are differences, in correction runs.
create unique index grant_payment_line_once on grant_payment_line (person_id, item_key) where first_payment;
create index grant_payment_line_run on grant_payment_line (run_id);
