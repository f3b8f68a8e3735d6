-- The access log also records look-ups by identifier (e.g. a municipality typing a DUF number to register a
-- self-settlement request on a refugee's behalf): the identifier looked up, and the person when it matched one.
-- A look-up that matched nobody has no person, so person_id may now be empty, but never together with looked_up.
alter table person_access_log alter column person_id drop not null;
alter table person_access_log add column looked_up text;
alter table person_access_log add constraint person_access_log_whom check (person_id is not null or looked_up is not null);
create index person_access_log_looked_up on person_access_log (looked_up, accessed_at) where looked_up is not null;
