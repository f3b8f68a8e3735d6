-- The individual decision on settlement municipality, one per household member, and its place.
create table settlement_decision (
    id                       bigserial primary key,
    case_id                  bigint not null references settlement_case (id),
    person_id                bigint not null references person (id),
    proposal_id              bigint references proposal (id),
    municipality_number      char(4) not null references municipality (number),
    status                   text not null,
    unaccompanied_minor      boolean not null default false,
    decided_at               timestamptz not null,
    decided_by               text not null,
    planned_settlement_date  date not null,
    settlement_date          date,
    place_year               integer not null,
    override_reason          text,
    closed_at                timestamptz,
    created_at               timestamptz not null,
    created_by               text not null,
    updated_at               timestamptz not null,
    updated_by               text not null
);
create unique index settlement_decision_active_person on settlement_decision (person_id) where status in ('OFFERED', 'SETTLED');
create index settlement_decision_places on settlement_decision (municipality_number, place_year, status);
create index settlement_decision_case on settlement_decision (case_id);

create table settlement_date_change (
    id                    bigserial primary key,
    settlement_decision_id bigint not null references settlement_decision (id),
    changed_at            timestamptz not null,
    changed_by            text not null,
    changed_by_role       text not null,
    old_date              date,
    new_date              date not null,
    reason                text
);
