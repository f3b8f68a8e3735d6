-- Health information is gathered only with the refugee's consent (report 004 line 32), per person: who consented,
-- on which day, and who recorded it. Append-only: a person's current consent is their newest row.
create table health_consent (
    id            bigserial primary key,
    case_id       bigint not null references settlement_case (id),
    person_id     bigint not null references person (id),
    given         boolean not null,
    consent_date  date,
    recorded_at   timestamptz not null,
    recorded_by   text not null,
    check (not given or consent_date is not null)
);
create index health_consent_person on health_consent (person_id, id);
create index health_consent_case on health_consent (case_id);

-- Free text that may hold health information recorded without consent, kept out of every municipality's view until
-- the centre or caseworker splits it into a practical part and (with consent) a health part; cleared on that save.
alter table settlement_interview add column needs_to_sort text;

-- Existing interviews, what this migration assumed:
-- 1. The household's one consent box covered every member: each member of a household with health_consent gets a
--    consent dated the interview day, recorded by whoever last saved the interview, at that moment.
insert into health_consent (case_id, person_id, given, consent_date, recorded_at, recorded_by)
select i.case_id, p.id, true, i.held_on, i.updated_at, i.updated_by
from settlement_interview i join person p on p.case_id = i.case_id
where i.health_consent;

-- 2. Free-text adaptation needs that name a diagnosis or health condition (the words of interview.HealthContent as
--    of this migration) are health content: with consent they join the health details; without consent they are
--    moved out of the practical needs into needs_to_sort, which no municipality sees. Needs without such words are
--    practical (ground floor, accessible dwelling, near a hospital) and stay.
update settlement_interview
set health_details = concat_ws(E'\n', health_details, adaptation_needs), adaptation_needs = null
where health_consent and adaptation_needs ~* '(autis|diabet|astma|epilep|kreft|psykisk|psykiatr|psykolog|traum|\yptsd\y|depresj|angst|\yhiv\y|hepatitt|tuberkul|sykdom|diagnos|medisin|hørsel|høreapparat|\ydøv|blind|synshemm|utviklingshemm|\yadhd\y|migren|hjerte|dialyse|blodtrykk|rusavhengig|rusmiddel|\ybehandling|\ylege|fastlege)';
update settlement_interview
set needs_to_sort = adaptation_needs, adaptation_needs = null
where not health_consent and adaptation_needs ~* '(autis|diabet|astma|epilep|kreft|psykisk|psykiatr|psykolog|traum|\yptsd\y|depresj|angst|\yhiv\y|hepatitt|tuberkul|sykdom|diagnos|medisin|hørsel|høreapparat|\ydøv|blind|synshemm|utviklingshemm|\yadhd\y|migren|hjerte|dialyse|blodtrykk|rusavhengig|rusmiddel|\ybehandling|\ylege|fastlege)';
