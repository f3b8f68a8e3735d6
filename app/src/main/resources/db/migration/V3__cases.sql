create table reception_centre (
    id                  bigserial primary key,
    name                text not null unique,
    kind                text not null,
    municipality_number char(4) not null references municipality (number)
);

alter table app_user add constraint app_user_reception_centre
    foreign key (reception_centre_id) references reception_centre (id);

-- One settlement case per household, from residence permit to settled.
create table settlement_case (
    id                          bigserial primary key,
    reference                   text not null unique,
    permit_reference            text not null unique,
    permit_type                 text not null,
    permit_date                 date not null,
    status                      text not null,
    household_type              text not null,
    persons                     integer not null check (persons > 0),
    children                    integer not null default 0,
    unaccompanied_minor         boolean not null default false,
    living_situation            text not null,
    reception_centre_id         bigint references reception_centre (id),
    living_municipality_number  char(4) references municipality (number),
    settlement_municipality     char(4) references municipality (number),
    ready_since                 date,
    status_changed_at           timestamptz not null,
    closed_reason               text,
    version                     integer not null default 0,
    created_at                  timestamptz not null,
    created_by                  text not null,
    updated_at                  timestamptz not null,
    updated_by                  text not null
);
create index settlement_case_status on settlement_case (status, permit_date);
create index settlement_case_permit_date on settlement_case (permit_date, id);
create index settlement_case_reception on settlement_case (reception_centre_id, status);
create index settlement_case_settlement_municipality on settlement_case (settlement_municipality, status);
create index settlement_case_living on settlement_case (living_situation);
create index settlement_case_household_type on settlement_case (household_type);

create table person (
    id            bigserial primary key,
    case_id       bigint not null references settlement_case (id),
    duf_number    char(12) not null unique,
    national_id   char(11) unique,
    d_number      char(11) unique,
    given_name    text not null,
    family_name   text not null,
    birth_date    date not null,
    sex           char(1) not null check (sex in ('F', 'M', 'X')),
    citizenship   char(3) not null,
    relation      text not null,
    phone         text,
    email         text,
    created_at    timestamptz not null,
    created_by    text not null,
    updated_at    timestamptz not null,
    updated_by    text not null
);
create index person_case on person (case_id);

create table residence_permit (
    id            bigserial primary key,
    person_id     bigint not null unique references person (id),
    permit_type   text not null,
    granted_date  date not null,
    valid_to      date,
    created_at    timestamptz not null,
    created_by    text not null
);

-- Where each person lived before settlement, dated.
create table residence_history (
    id                  bigserial primary key,
    person_id           bigint not null references person (id),
    kind                text not null,
    reception_centre_id bigint references reception_centre (id),
    municipality_number char(4) references municipality (number),
    from_date           date not null,
    to_date             date,
    created_at          timestamptz not null,
    created_by          text not null
);
create index residence_history_person on residence_history (person_id, from_date);

-- Second audit layer: every transition of a case.
create table case_history (
    id          bigserial primary key,
    case_id     bigint not null references settlement_case (id),
    occurred_at timestamptz not null,
    actor       text not null,
    actor_role  text not null,
    command     text not null,
    from_status text,
    to_status   text not null,
    reason      text
);
create index case_history_case on case_history (case_id, occurred_at);
