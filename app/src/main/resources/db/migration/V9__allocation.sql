-- Versioned, named weights of the allocation engine's soft terms; a change is a new version.
create table allocation_policy (
    id                bigserial primary key,
    name              text not null,
    version           integer not null,
    priority          double precision not null check (priority >= 0),
    waiting           double precision not null check (waiting >= 0),
    labour_market     double precision not null check (labour_market >= 0),
    education         double precision not null check (education >= 0),
    dwelling_fit      double precision not null check (dwelling_fit >= 0),
    shared_housing    double precision not null check (shared_housing >= 0),
    wider_family      double precision not null check (wider_family >= 0),
    job_or_study      double precision not null check (job_or_study >= 0),
    approved_dwelling double precision not null check (approved_dwelling >= 0),
    balance           double precision not null check (balance >= 0),
    reason            text not null,
    created_at        timestamptz not null,
    created_by        text not null,
    unique (name, version)
);

-- One run of the engine over ready households, reviewed before it is sent as distribution lists.
create table allocation_run (
    id            bigserial primary key,
    policy_id     bigint not null references allocation_policy (id),
    status        text not null,
    households    integer not null,
    assigned      integer not null,
    objective     double precision not null,
    upper_bound   double precision not null,
    gap_percent   double precision not null,
    seconds       double precision not null,
    created_at    timestamptz not null,
    created_by    text not null,
    sent_at       timestamptz,
    sent_by       text
);

create table allocation_run_item (
    run_id              bigint not null references allocation_run (id),
    case_id             bigint not null references settlement_case (id),
    municipality_number char(4) references municipality (number),
    pinned              boolean not null default false,
    score               double precision,
    explanation         text,
    unassigned_code     text,
    unassigned_reason   text,
    primary key (run_id, case_id)
);
create index allocation_run_item_municipality on allocation_run_item (run_id, municipality_number);

-- What a sent proposal was based on, so the choice can be explained later.
alter table proposal add column allocation_run_id bigint references allocation_run (id);
alter table proposal add column policy_name text;
alter table proposal add column policy_version integer;
alter table proposal add column explanation text;

insert into allocation_policy (name, version, priority, waiting, labour_market, education, dwelling_fit, shared_housing,
    wider_family, job_or_study, approved_dwelling, balance, reason, created_at, created_by)
values ('standard', 1, 10.0, 4.0, 3.0, 2.0, 1.5, 1.0, 3.0, 5.0, 8.0, 2.0,
    'Første versjon: prioritet til enslige mindreårige, barnefamilier og langtidsventende', now(), 'system');
