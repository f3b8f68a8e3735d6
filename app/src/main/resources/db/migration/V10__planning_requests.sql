-- The planning cycle before the municipal decisions: forecast scenarios, the national need with its
-- regional split, the criteria and per-municipality inputs behind each request, and the versioned requests.

create table planning_scenario (
    year        integer not null,
    kind        text not null check (kind in ('LOW', 'EXPECTED', 'HIGH')),
    persons     integer not null check (persons >= 0),
    note        text,
    updated_at  timestamptz not null,
    updated_by  text not null,
    primary key (year, kind)
);

-- Set by the national committee; the county rows are its regional split (absent = no split).
create table national_need (
    year        integer primary key,
    persons     integer not null check (persons >= 0),
    decided_on  date,
    updated_at  timestamptz not null,
    updated_by  text not null
);

create table national_need_county (
    year           integer not null references national_need (year),
    county_number  char(2) not null references county (number),
    persons        integer not null check (persons >= 0),
    primary key (year, county_number)
);

-- Editable criteria of one year's request computation.
create table request_criteria (
    year                   integer primary key,
    centrality_weights     text not null,
    minimum_persons        integer not null check (minimum_persons >= 0),
    closed_immigrant_share numeric(5, 2) not null,
    updated_at             timestamptz not null,
    updated_by             text not null
);

-- Inputs per municipality and year: factors, closure, the planner's adjustment and county/KS input.
create table request_input (
    year                 integer not null,
    municipality_number  char(4) not null references municipality (number),
    labour_market_factor numeric(4, 2) not null default 1.00 check (labour_market_factor >= 0),
    introduction_factor  numeric(4, 2) not null default 1.00 check (introduction_factor >= 0),
    immigrant_share      numeric(5, 2),
    closed               boolean not null default false,
    adjustment           integer not null default 0,
    adjustment_reason    text,
    county_input         text,
    ks_input             text,
    updated_at           timestamptz not null,
    updated_by           text not null,
    primary key (year, municipality_number),
    check (adjustment = 0 or adjustment_reason is not null)
);

-- One row per version of a request; earlier versions are never changed.
create table capacity_request (
    id                    bigserial primary key,
    municipality_number   char(4) not null references municipality (number),
    year                  integer not null,
    version               integer not null check (version >= 1),
    persons               integer not null check (persons >= 0),
    computed_persons      integer not null,
    explanation           text not null,
    requested_on          date not null,
    reason                text not null,
    created_at            timestamptz not null,
    created_by            text not null,
    unique (municipality_number, year, version)
);
create index capacity_request_year on capacity_request (year, municipality_number, version desc);
