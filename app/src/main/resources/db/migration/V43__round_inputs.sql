-- Issue 23 item 1: the real case into the allocation round.

-- The services a municipality offers, dated; kept by the municipality's officer and the agency.
-- Service codes are the engine's service names (e.g. 'bofellesskap' for shared housing of single adults).
create table municipality_service (
    id                  bigserial primary key,
    municipality_number char(4) not null references municipality (number),
    service             text not null,
    valid_from          date not null,
    valid_to            date,
    note                text,
    recorded_at         timestamptz not null,
    recorded_by         text not null,
    check (valid_to is null or valid_to >= valid_from)
);
create index municipality_service_number on municipality_service (municipality_number, service);

-- What the interview found that binds or steers the allocation: family ties by kind (report 001 line 456:
-- close family is spouse, cohabitant, children and/or parents), a job offer with hours, a study admission,
-- structured needs (mapped to required services), and a household to be settled together with.
create table interview_allocation_facts (
    case_id                    bigint primary key references settlement_case (id),
    close_family_municipality  char(4) references municipality (number),
    close_family_kind          text,
    wider_family_municipality  char(4) references municipality (number),
    network_municipality       char(4) references municipality (number),
    job_municipality           char(4) references municipality (number),
    job_hours_per_week         integer check (job_hours_per_week between 1 and 80),
    study_municipality         char(4) references municipality (number),
    needs                      text not null default '',
    together_with_case_id      bigint references settlement_case (id),
    updated_at                 timestamptz not null,
    updated_by                 text not null,
    check ((close_family_municipality is null) = (close_family_kind is null)),
    check ((job_municipality is null) = (job_hours_per_week is null)),
    check (together_with_case_id is null or together_with_case_id <> case_id)
);
create index interview_allocation_facts_together on interview_allocation_facts (together_with_case_id);

-- Whether close family and a job offer of 15 hours or more bind the municipality (hard) or only weigh (soft).
-- Existing policy versions keep binding close family (report 000 lines 3757-3762) and a job offer.
alter table allocation_policy add column close_family_binds boolean not null default true;
alter table allocation_policy add column job_binds boolean not null default true;
