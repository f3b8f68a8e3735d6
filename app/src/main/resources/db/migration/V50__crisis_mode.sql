-- Crisis mode as configuration (issue 18 items 1–2; report 000 lines 685–700, 8985–8995, 9150–9160). Module crisis owns
-- these tables. New tables only: no existing row changes.

-- A crisis window switched on by the agency: from a day, optionally to a day, with a reason; while on, the shortened
-- interview set, a temporary reception scheme (name, window, monthly grant: MAMOT as the model) and a larger round size.
-- Windows never overlap (checked by crisis.CrisisModes under a table lock; the reason is also required here).
create table crisis_period (
    id                   bigserial primary key,
    starts_on            date not null,
    ends_on              date,
    reason               text not null check (length(trim(reason)) > 0),
    question_set_version text not null,
    scheme_name          text,
    scheme_from          date,
    scheme_to            date,
    scheme_monthly_grant integer check (scheme_monthly_grant is null or scheme_monthly_grant >= 0),
    round_size           integer not null check (round_size > 0),
    created_at           timestamptz not null,
    created_by           text not null,
    updated_at           timestamptz not null,
    updated_by           text not null,
    check (ends_on is null or ends_on >= starts_on),
    check ((scheme_name is null) = (scheme_from is null)),
    check (scheme_to is null or scheme_to >= scheme_from)
);

-- A municipality tells the agency of a named refugee in its area it wants to settle (report 000 lines 8985–8995, 9150–9160).
create table crisis_notification (
    id                  bigserial primary key,
    municipality_number char(4) not null references municipality (number),
    identity_number     text,
    person_name         text,
    reason              text not null,
    status              text not null,
    case_id             bigint references settlement_case (id),
    created_at          timestamptz not null,
    created_by          text not null,
    handled_at          timestamptz,
    handled_by          text,
    handled_note        text,
    version             integer not null default 0,
    check (identity_number is not null or person_name is not null)
);
create index crisis_notification_municipality on crisis_notification (municipality_number, created_at);

create table crisis_notification_history (
    id              bigserial primary key,
    notification_id bigint not null references crisis_notification (id),
    occurred_at     timestamptz not null,
    actor           text not null,
    actor_role      text not null,
    command         text not null,
    from_status     text,
    to_status       text not null,
    reason          text
);
create index crisis_notification_history_n on crisis_notification_history (notification_id, occurred_at);

-- The joint fast-track application: the refugee and the municipality sign the same application (report 000 lines
-- 685–700): accepted by the agency it becomes an accepted proposal to that municipality, taking places.
create table fast_track_application (
    id                      bigserial primary key,
    case_id                 bigint not null references settlement_case (id),
    municipality_number     char(4) not null references municipality (number),
    status                  text not null,
    refugee_statement       text,
    refugee_signed_at       timestamptz not null,
    refugee_signed_by       text not null,
    municipality_signed_at  timestamptz,
    municipality_signed_by  text,
    planned_settlement_date date,
    decided_at              timestamptz,
    decided_by              text,
    decision_reason         text,
    proposal_id             bigint references proposal (id),
    version                 integer not null default 0
);
create index fast_track_application_case on fast_track_application (case_id);
create index fast_track_application_municipality on fast_track_application (municipality_number, status);

create table fast_track_history (
    id              bigserial primary key,
    application_id  bigint not null references fast_track_application (id),
    occurred_at     timestamptz not null,
    actor           text not null,
    actor_role      text not null,
    command         text not null,
    from_status     text,
    to_status       text not null,
    reason          text
);
create index fast_track_history_a on fast_track_history (application_id, occurred_at);
