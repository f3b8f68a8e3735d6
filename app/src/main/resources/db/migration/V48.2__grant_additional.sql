-- An additional grant granted to a settled person: the grant for persons with disabilities, granted by the agency on
-- the municipality's application; it enters the person's schedule in the scheme year of the grant. Owned by `grants`.
create table grant_additional (
    id          bigserial primary key,
    person_id   bigint not null references person (id),
    case_id     bigint not null references settlement_case (id),
    kind        text not null check (kind in ('DISABILITY')),
    granted_on  date not null,
    reason      text not null check (length(trim(reason)) > 0),
    recorded_at timestamptz not null,
    recorded_by text not null,
    unique (person_id, kind)
);
