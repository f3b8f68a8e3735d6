-- The plan with history (issue 14 item 6): every save of the national need or of a forecast scenario appends a
-- version (who, when, why) that is never changed; national_need and planning_scenario keep the latest version for
-- the readers that already use them. A scenario also holds the forecast's assumptions: UDI's forecast of permits per
-- month (12 whole numbers separated by ';', null = the year's number spread evenly), the share of persons per
-- household type ('TYPE=percent;…', null = the mix of the households waiting now) and the share living privately.
-- Existing rows become version 1 of their year (and kind), with the reason below; nothing else is changed.

alter table national_need add column version integer not null default 1;
alter table national_need add column reason text;

alter table planning_scenario add column version integer not null default 1;
alter table planning_scenario add column reason text;
alter table planning_scenario add column monthly_permits text;
alter table planning_scenario add column household_shares text;
alter table planning_scenario add column private_share numeric(5, 2) check (private_share between 0 and 100);

create table national_need_version (
    id            bigserial primary key,
    year          integer not null,
    version       integer not null check (version >= 1),
    persons       integer not null check (persons >= 0),
    decided_on    date,
    county_split  text not null default '',
    reason        text,
    created_at    timestamptz not null,
    created_by    text not null,
    unique (year, version)
);

create table planning_scenario_version (
    id                bigserial primary key,
    year              integer not null,
    kind              text not null check (kind in ('LOW', 'EXPECTED', 'HIGH')),
    version           integer not null check (version >= 1),
    persons           integer not null check (persons >= 0),
    note              text,
    monthly_permits   text,
    household_shares  text,
    private_share     numeric(5, 2) check (private_share between 0 and 100),
    reason            text,
    created_at        timestamptz not null,
    created_by        text not null,
    unique (year, kind, version)
);

insert into national_need_version (year, version, persons, decided_on, county_split, reason, created_at, created_by)
select n.year, 1, n.persons, n.decided_on,
       coalesce((select string_agg(c.county_number || '=' || c.persons, ';' order by c.county_number)
                 from national_need_county c where c.year = n.year), ''),
       'Registrert før behovet fikk versjoner', n.updated_at, n.updated_by
from national_need n;

insert into planning_scenario_version (year, kind, version, persons, note, reason, created_at, created_by)
select year, kind, 1, persons, note, 'Registrert før prognosen fikk versjoner', updated_at, updated_by
from planning_scenario;
