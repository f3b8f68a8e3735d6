-- Issue 22 item 4: the demo's first start is complete or nothing. Each seeding is a row; a row without completed_at
-- after the app stopped means the seeding was interrupted, and the next demo start empties the database and seeds
-- again (demo.DemoSeedingRecovery). Only the demo (never the prod profile) writes or reads this table.
create table demo_seeding (
    id            bigserial primary key,
    seed          bigint      not null,
    households    integer     not null,
    started_at    timestamptz not null,
    completed_at  timestamptz,
    seconds       numeric(9, 1)
);

-- Assumed: demo data already in a database before this version was seeded to the end (nothing recorded otherwise);
-- it is kept as a completed seeding, so an existing demo database is not emptied by this change.
insert into demo_seeding (seed, households, started_at, completed_at)
select 0, count(*), min(created_at), max(created_at)
from settlement_case
where permit_reference like 'DEMO-%'
having count(*) > 0;
