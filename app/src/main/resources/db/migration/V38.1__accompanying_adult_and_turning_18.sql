-- An unaccompanied minor may come with an accompanying adult (følgeperson: a grandparent, aunt, older sibling or
-- friend; report 000 lines 4082-4094). The adult is a relation recorded on the minor's case, not a member of the
-- household: the minor stays an unaccompanied minor (minors' places, the 3-month target). The adult has a permit and a
-- case of their own. Nothing existing changes: no case had an accompanying adult recorded before this migration.
create table accompanying_adult (
    case_id           bigint primary key references settlement_case (id),
    given_name        text not null,
    family_name       text not null,
    birth_date        date not null,
    relation_to_minor text not null check (relation_to_minor in ('GRANDPARENT', 'AUNT_OR_UNCLE', 'SIBLING', 'FRIEND', 'OTHER')),
    duf_number        char(12),
    source            text not null check (source in ('PERMIT', 'CASEWORKER')),
    updated_at        timestamptz not null,
    updated_by        text not null
);

-- A minor who turns 18 before settlement is counted as an adult from the birthday (report 000 line 4084: unaccompanied
-- minors are under 18; settlement-process.md §7: at 18 follow-up moves to NAV). The day is kept so the case list, the
-- case page and the work list can tell the caseworker. Existing cases: none is marked; the daily rule marks them.
alter table settlement_case add column turned_adult_on date;
