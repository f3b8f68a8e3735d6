-- Letters: editable, versioned text templates; generated letters (each version kept); what was sent.

-- One row per saved version of a template; the newest version of a kind and language is the one in use.
create table letter_template (
    id          bigserial primary key,
    kind        text not null check (kind in ('DECISION', 'MUNICIPALITY_AGREEMENT')),
    language    text not null check (language in ('nb', 'en', 'uk')),
    version     integer not null check (version >= 1),
    title       text not null,
    body        text not null,
    created_at  timestamptz not null,
    created_by  text not null,
    unique (kind, language, version)
);

-- A generated letter. The text is frozen as XHTML when the letter is made (in the decision's transaction);
-- the PDF is rendered from exactly that text the first time it is needed and then kept.
-- A series is one person's decision letter (decision_id) or one case's letter to a municipality;
-- a new version is made when the planned settlement date changes, and every version is kept.
create table letter (
    id                   bigserial primary key,
    kind                 text not null check (kind in ('DECISION', 'MUNICIPALITY_AGREEMENT')),
    case_id              bigint not null references settlement_case (id),
    person_id            bigint references person (id),
    decision_id          bigint references settlement_decision (id),
    municipality_number  char(4) not null references municipality (number),
    recipient            text not null,
    recipient_name       text not null,
    recipient_duf        char(12),
    title                text not null,
    languages            text not null,
    language_basis       text not null check (language_basis in ('CITIZENSHIP', 'INTERVIEW', 'DEFAULT', 'MUNICIPALITY')),
    version              integer not null check (version >= 1),
    planned_date         date,
    html                 text not null,
    pdf                  bytea,
    created_at           timestamptz not null,
    created_by           text not null,
    check ((kind = 'DECISION') = (person_id is not null and decision_id is not null))
);
create unique index letter_decision_version on letter (decision_id, version) where kind = 'DECISION';
create unique index letter_case_version on letter (case_id, municipality_number, version) where kind = 'MUNICIPALITY_AGREEMENT';
create index letter_case on letter (case_id, id);
create index letter_recipient_duf on letter (recipient_duf) where recipient_duf is not null;

-- The template versions a letter was written from (one per language).
create table letter_template_use (
    letter_id    bigint not null references letter (id),
    template_id  bigint not null references letter_template (id),
    primary key (letter_id, template_id)
);

-- What left (or, with the local adapter, would have left) through the digital mailbox.
create table letter_dispatch (
    id           bigserial primary key,
    letter_id    bigint not null references letter (id),
    recipient    text not null,
    channel      text not null,
    status       text not null,
    external_id  text,
    sent_at      timestamptz not null,
    created_at   timestamptz not null,
    created_by   text not null
);
create index letter_dispatch_letter on letter_dispatch (letter_id);
