-- Household and person changes (issue 20 item 1): why a member joined, removal, address, identity numbers over time.

-- Why a member joined after the permit was imported (BIRTH, FAMILY_REUNIFICATION, JOINED_LATER); null for the members
-- the permit came with. A removed member keeps its row (decisions, letters and the access log refer to it) and is no
-- longer counted in the household.
alter table person add column joined_reason text;
alter table person add column joined_on date;
alter table person add column removed_on date;
alter table person add column removed_reason text;

-- The address municipalities need for housing allowance (report 000 lines 3027–3035, 6700–6716; report 001).
alter table person add column address_line text;
alter table person add column postal_code char(4);
alter table person add column postal_place text;
alter table person add column address_municipality char(4) references municipality (number);
alter table person add column address_from date;

-- The unaccompanied-minor flag set by a caseworker (kept when the household is recomputed); false = derived from ages.
alter table settlement_case add column minor_flag_corrected boolean not null default false;

-- Every identity number a person has had: DUF (UDI), D-number and national identity number, each valid from/to.
-- A number belongs to one person only, ever.
create table person_identity (
    id          bigserial primary key,
    person_id   bigint not null references person (id),
    kind        text not null check (kind in ('DUF', 'D_NUMBER', 'NATIONAL_ID')),
    value       text not null unique,
    valid_from  date not null,
    valid_to    date,
    reason      text,
    recorded_at timestamptz not null,
    recorded_by text not null
);
create index person_identity_person on person_identity (person_id, kind, valid_from);

-- Existing persons: their current numbers, assumed valid from the day the person was registered (created_at in Oslo
-- time) by whoever registered the person; no earlier numbers are known.
insert into person_identity (person_id, kind, value, valid_from, recorded_at, recorded_by)
select id, 'DUF', trim(duf_number), (created_at at time zone 'Europe/Oslo')::date, created_at, created_by from person
where duf_number is not null
union all
select id, 'D_NUMBER', d_number, (created_at at time zone 'Europe/Oslo')::date, created_at, created_by from person
where d_number is not null
union all
select id, 'NATIONAL_ID', national_id, (created_at at time zone 'Europe/Oslo')::date, created_at, created_by from person
where national_id is not null;
