-- The introduction-programme register (issue 17 item 4) and the outcome model (item 5), module `introduction`;
-- the allocation policy's weight for the engine's predicted-outcome term (issue 15 item 4), module `allocation`.
-- Existing policy versions get weight 0: the term is off, the engine's results are as before.

create table intro_participation (
    person_id           bigint primary key references person (id),
    case_id             bigint not null references settlement_case (id),
    municipality_number char(4) not null references municipality (number),
    started_on          date not null,
    completed_on        date,
    registered_at       timestamptz not null,
    registered_by       text not null,
    updated_at          timestamptz not null,
    updated_by          text not null,
    check (completed_on is null or completed_on >= started_on)
);
create index intro_participation_municipality on intro_participation (municipality_number, completed_on);
create index intro_participation_case on intro_participation (case_id);

-- Interruptions and leave within the programme.
create table intro_period (
    id            bigserial primary key,
    person_id     bigint not null references intro_participation (person_id),
    kind          text not null check (kind in ('INTERRUPTION', 'LEAVE')),
    from_date     date not null,
    to_date       date not null,
    registered_at timestamptz not null,
    registered_by text not null,
    check (to_date >= from_date)
);
create index intro_period_person on intro_period (person_id, from_date);

-- Norwegian and social-studies training: hours, and a test with its level (Norwegian) or passed/not (social studies).
create table intro_training (
    id            bigserial primary key,
    person_id     bigint not null references intro_participation (person_id),
    subject       text not null check (subject in ('NORWEGIAN', 'SOCIAL_STUDIES')),
    hours         integer not null check (hours between 0 and 3000),
    test_on       date,
    test_level    text check (test_level in ('A1', 'A2', 'B1', 'B2', 'C1')),
    test_passed   boolean,
    registered_at timestamptz not null,
    registered_by text not null,
    check (subject = 'NORWEGIAN' or test_level is null),
    check (subject = 'SOCIAL_STUDIES' or test_passed is null),
    check ((test_level is null and test_passed is null) or test_on is not null)
);
create index intro_training_person on intro_training (person_id, registered_at);

-- The status one year after completion, in the categories official statistics use.
create table intro_outcome (
    person_id     bigint primary key references intro_participation (person_id),
    status        text not null check (status in ('WORK', 'EDUCATION', 'BOTH', 'NEITHER')),
    measured_on   date not null,
    registered_at timestamptz not null,
    registered_by text not null
);

-- Trained outcome models with their model card; the newest one is in use.
create table outcome_model (
    id         bigserial primary key,
    trained_at timestamptz not null,
    trained_by text not null,
    model      text not null
);

alter table allocation_policy add column predicted_outcome double precision not null default 0
    check (predicted_outcome >= 0);
