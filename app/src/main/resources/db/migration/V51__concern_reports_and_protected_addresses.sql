-- Issue 18 items 3 and 4: restricted concern reports and protected addresses.

-- The designation (a flag, not a role): an agency user designated for protection work may read concern reports and
-- protected addresses and handle protected households. Existing users are assumed not designated.
alter table app_user add column protection_designated boolean not null default false;

-- A protected address (fortrolig / strengt fortrolig adresse); null = not protected. Existing persons are assumed
-- unprotected. The history of markings is in address_protection_change.
alter table person add column address_protection text check (address_protection in ('FORTROLIG', 'STRENGT_FORTROLIG'));

create table address_protection_change (
    id          bigserial primary key,
    person_id   bigint not null references person (id),
    level       text check (level in ('FORTROLIG', 'STRENGT_FORTROLIG')),
    reason      text not null,
    changed_at  timestamptz not null,
    changed_by  text not null
);
create index address_protection_change_person on address_protection_change (person_id, changed_at);

-- The interview's screening section (report 004 line 32): answers kept out of the interview and its view.
create table concern_screening (
    id                       bigserial primary key,
    case_id                  bigint not null references settlement_case (id),
    negative_social_control  boolean not null,
    forced_marriage          boolean not null,
    lhbti_safety             boolean not null,
    trafficking              boolean not null,
    note                     text,
    recorded_at              timestamptz not null,
    recorded_by              text not null,
    report_id                bigint
);
create index concern_screening_case on concern_screening (case_id);

-- The restricted report: read by designated agency users only, with its referral and the body's answer.
create table concern_report (
    id                       bigserial primary key,
    case_id                  bigint not null references settlement_case (id),
    negative_social_control  boolean not null,
    forced_marriage          boolean not null,
    lhbti_safety             boolean not null,
    trafficking              boolean not null,
    description              text not null,
    referral                 text not null check (referral in ('COMPETENCE_TEAM', 'POLICE', 'CHILD_WELFARE')),
    referred_on              date not null,
    referral_answer          text,
    answered_on              date,
    answered_by              text,
    created_at               timestamptz not null,
    created_by               text not null,
    check (negative_social_control or forced_marriage or lhbti_safety or trafficking)
);
create index concern_report_case on concern_report (case_id);
alter table concern_screening add constraint concern_screening_report foreign key (report_id) references concern_report (id);

-- Municipalities unsuitable for the household (e.g. where the risk lives) and services it requires.
create table concern_unsuitable_municipality (
    report_id            bigint not null references concern_report (id),
    municipality_number  char(4) not null references municipality (number),
    primary key (report_id, municipality_number)
);
create table concern_required_service (
    report_id  bigint not null references concern_report (id),
    service    text not null,
    primary key (report_id, service)
);

-- Every read of a concern report (kept apart from the person access log, whose purposes other staff may read).
create table concern_access_log (
    id          bigserial primary key,
    report_id   bigint references concern_report (id),
    case_id     bigint,
    accessed_at timestamptz not null,
    username    text not null,
    role        text not null,
    purpose     text not null
);
create index concern_access_log_report on concern_access_log (report_id, accessed_at);
