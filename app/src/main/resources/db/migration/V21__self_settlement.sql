-- Agreed self-settlement (avtalt selvbosetting, ASB): each municipality's setting with its history,
-- and every request from the first contact to the decision, with its own history.
create table self_settlement_setting (
    municipality_number char(4) primary key references municipality (number),
    accepts             boolean not null,
    rules_text          text,
    rent_limit          integer check (rent_limit is null or rent_limit > 0),
    cap_percent         integer not null check (cap_percent between 0 and 100),
    version             integer not null default 0,
    created_at          timestamptz not null,
    created_by          text not null,
    updated_at          timestamptz not null,
    updated_by          text not null
);

create table self_settlement_setting_change (
    id                  bigserial primary key,
    municipality_number char(4) not null references municipality (number),
    changed_at          timestamptz not null,
    changed_by          text not null,
    changed_by_role     text not null,
    accepts             boolean not null,
    rules_text          text,
    rent_limit          integer,
    cap_percent         integer not null
);
create index self_settlement_setting_change_m on self_settlement_setting_change (municipality_number, changed_at);

create table self_settlement_request (
    id                          bigserial primary key,
    case_id                     bigint not null references settlement_case (id),
    municipality_number         char(4) not null references municipality (number),
    status                      text not null,
    address                     text not null,
    landlord_name               text not null,
    landlord_email              text,
    lease_start                 date not null,
    monthly_rent                integer not null check (monthly_rent > 0),
    rooms                       integer not null check (rooms > 0),
    registered_by_role          text not null,
    lease_terms_ok              boolean not null default false,
    rent_within_limit           boolean not null default false,
    property_register_ok        boolean not null default false,
    independent_dwelling        boolean not null default false,
    inspection_date             date,
    inspection_result           text,
    landlord_rejected           boolean not null default false,
    forwarded_at                timestamptz,
    decided_at                  timestamptz,
    decided_by                  text,
    approved_municipality       char(4) references municipality (number),
    approved_persons            integer,
    place_year                  integer,
    refusal_reason              text,
    refusal_text                text,
    closed_at                   timestamptz,
    version                     integer not null default 0,
    created_at                  timestamptz not null,
    created_by                  text not null,
    updated_at                  timestamptz not null,
    updated_by                  text not null
);
create index self_settlement_request_status on self_settlement_request (status, forwarded_at);
create index self_settlement_request_case on self_settlement_request (case_id);
create index self_settlement_request_municipality on self_settlement_request (municipality_number, status);
create index self_settlement_request_approved on self_settlement_request (approved_municipality, place_year) where status = 'APPROVED';
-- At most one open request per household.
create unique index self_settlement_request_one_open on self_settlement_request (case_id)
    where status in ('REQUESTED', 'UNDER_MUNICIPAL_CHECK', 'FORWARDED');

create table self_settlement_request_history (
    id          bigserial primary key,
    request_id  bigint not null references self_settlement_request (id),
    occurred_at timestamptz not null,
    actor       text not null,
    actor_role  text not null,
    command     text not null,
    from_status text,
    to_status   text not null,
    reason      text
);
create index self_settlement_request_history_r on self_settlement_request_history (request_id, occurred_at);
