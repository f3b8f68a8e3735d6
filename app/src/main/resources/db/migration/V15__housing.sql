-- The municipality's housing: landlords, offers from the public, dwellings, leases and their reminders.
create table landlord (
    id                   bigserial primary key,
    municipality_number  char(4) not null references municipality (number),
    name                 text not null,
    phone                text,
    email                text,
    rejected             boolean not null default false,
    rejected_reason      text,
    rejected_at          timestamptz,
    created_at           timestamptz not null,
    created_by           text not null,
    updated_at           timestamptz not null,
    updated_by           text not null
);
create index landlord_municipality on landlord (municipality_number, rejected);
-- A landlord is recognised again by e-mail within one municipality, so history accumulates on one row.
create unique index landlord_email on landlord (municipality_number, lower(email)) where email is not null;

create table dwelling (
    id                    bigserial primary key,
    municipality_number   char(4) not null references municipality (number),
    address               text not null,
    owner_type            text not null check (owner_type in ('MUNICIPAL', 'MUNICIPAL_COMPANY', 'PRIVATE_SUBLEASE', 'PRIVATE_DIRECT')),
    dwelling_type         text not null check (dwelling_type in ('HOUSE', 'TERRACED', 'FLAT', 'BEDSIT', 'SHARED', 'PART_OF_HOME')),
    rooms                 integer not null check (rooms between 1 and 20),
    area_m2               integer check (area_m2 between 5 and 1000),
    standard              text not null check (standard in ('GOOD', 'FAIR', 'POOR')),
    accessible            boolean not null default false,
    distance_school_m     integer check (distance_school_m >= 0),
    distance_shop_m       integer check (distance_shop_m >= 0),
    distance_transport_m  integer check (distance_transport_m >= 0),
    monthly_rent          integer check (monthly_rent >= 0),
    available_from        date not null,
    status                text not null check (status in ('VACANT', 'RESERVED', 'OCCUPIED', 'UNAVAILABLE')),
    vacant_since          date,
    holding_unit          text,
    landlord_id           bigint references landlord (id),
    reserved_case_id      bigint references settlement_case (id),
    reserved_at           timestamptz,
    reserved_by           text,
    created_at            timestamptz not null,
    created_by            text not null,
    updated_at            timestamptz not null,
    updated_by            text not null,
    check ((status = 'RESERVED') = (reserved_case_id is not null))
);
create index dwelling_municipality on dwelling (municipality_number, status);
-- A household holds at most one reserved dwelling at a time.
create unique index dwelling_reserved_case on dwelling (reserved_case_id) where reserved_case_id is not null;

create table housing_offer (
    id                        bigserial primary key,
    municipality_number       char(4) not null references municipality (number),
    contact_name              text not null,
    contact_phone             text,
    contact_email             text,
    address                   text not null,
    dwelling_type             text not null,
    rooms                     integer not null check (rooms between 1 and 20),
    area_m2                   integer check (area_m2 between 5 and 1000),
    monthly_rent              integer check (monthly_rent >= 0),
    available_from            date not null,
    description               text,
    status                    text not null default 'RECEIVED' check (status in ('RECEIVED', 'APPROVED', 'REJECTED')),
    inspection_done           boolean not null default false,
    property_register_checked boolean not null default false,
    fire_safety_ok            boolean not null default false,
    rent_reasonable           boolean not null default false,
    decision_note             text,
    landlord_id               bigint references landlord (id),
    dwelling_id               bigint references dwelling (id),
    received_at               timestamptz not null,
    decided_at                timestamptz,
    decided_by                text
);
create index housing_offer_queue on housing_offer (municipality_number, status, received_at);

create table lease (
    id                     bigserial primary key,
    dwelling_id            bigint not null references dwelling (id),
    municipality_number    char(4) not null references municipality (number),
    case_id                bigint references settlement_case (id),
    kind                   text not null check (kind in ('DIRECT', 'SUBLEASE')),
    transferable           boolean not null default false,
    start_date             date not null,
    term_years             integer not null check (term_years in (1, 3)),
    short_term_reason      text,
    end_date               date not null,
    monthly_rent           integer not null check (monthly_rent >= 0),
    deposit                integer not null default 0 check (deposit >= 0),
    rent_guarantee_months  integer not null default 3 check (rent_guarantee_months between 0 and 12),
    status                 text not null default 'ACTIVE' check (status in ('ACTIVE', 'ENDED')),
    review_outcome         text check (review_outcome in ('RENEW', 'PRIVATE_MARKET', 'START_LOAN')),
    review_note            text,
    created_at             timestamptz not null,
    created_by             text not null,
    updated_at             timestamptz not null,
    updated_by             text not null,
    check (term_years = 3 or short_term_reason is not null)
);
create index lease_expiry on lease (status, end_date);
-- At most one active lease per dwelling.
create unique index lease_active_dwelling on lease (dwelling_id) where status = 'ACTIVE';

-- One row per lease and reminder; the primary key lets only one application instance send each reminder.
create table lease_reminder (
    lease_id   bigint not null references lease (id),
    kind       text not null,
    sent_at    timestamptz not null,
    primary key (lease_id, kind)
);
