-- Issue 20 items 3 and 4: corrections of the living-situation history, and temporary absences.
-- No existing row is changed.

-- Every change of a household's living-situation history (a new period, a corrected period, an import row):
-- who, when, with which role, and the periods before → after as the history shows them.
create table residence_change (
    id               bigserial primary key,
    case_id          bigint not null references settlement_case (id),
    command          text not null check (command in ('RECORD', 'CORRECT', 'IMPORT')),
    changed_at       timestamptz not null,
    changed_by       text not null,
    changed_by_role  text not null,
    before_text      text,
    after_text       text not null,
    reason           text
);
create index residence_change_case on residence_change (case_id, changed_at);

-- A household temporarily absent (e.g. travelled abroad, report 000 lines 4027-4037): from when, expected back when,
-- the state it returns to, the settlement municipality's choice to hold or release its places, and when it ended
-- (the household returned, or the case was closed while it was away).
create table case_absence (
    id                 bigserial primary key,
    case_id            bigint not null references settlement_case (id),
    absent_from        date not null,
    expected_return    date not null check (expected_return >= absent_from),
    previous_status    text not null,
    municipality_number char(4) references municipality (number),
    places_choice      text check (places_choice in ('HOLD', 'RELEASE')),
    places_chosen_by   text,
    places_chosen_at   timestamptz,
    ended_on           date,
    created_at         timestamptz not null,
    created_by         text not null
);
create unique index case_absence_open on case_absence (case_id) where ended_on is null;
