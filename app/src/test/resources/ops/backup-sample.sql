-- BackupRestoreTest's data: two households, a council decision, an accepted and a pending proposal, a place taken,
-- a decision letter sent, two delivered notifications with their e-mail copies, one waiting, one failed once.
insert into settlement_case (id, reference, permit_reference, permit_type, permit_date, status, household_type, persons,
    living_situation, status_changed_at, created_at, created_by, updated_at, updated_by)
values (1, 'BS-2026-900001', 'BACKUP-1', 'RESETTLEMENT', date '2026-01-05', 'PROPOSED', 'SINGLE_ADULT', 1,
        'RECEPTION_CENTRE', now(), now(), 'test', now(), 'test'),
       (2, 'BS-2026-900002', 'BACKUP-2', 'RESETTLEMENT', date '2026-01-06', 'PROPOSED', 'SINGLE_ADULT', 1,
        'RECEPTION_CENTRE', now(), now(), 'test', now(), 'test');
insert into person (id, case_id, duf_number, given_name, family_name, birth_date, sex, citizenship, relation,
    created_at, created_by, updated_at, updated_by)
values (1, 1, '900000000001', 'Amal', 'Haddad', date '1990-03-01', 'F', 'SYR', 'MAIN_APPLICANT', now(), 'test', now(), 'test'),
       (2, 2, '900000000002', 'Oleh', 'Kovalenko', date '1985-07-12', 'M', 'UKR', 'MAIN_APPLICANT', now(), 'test', now(), 'test');
insert into capacity_decision (id, municipality_number, year, persons, decided_on, created_at, created_by, updated_at, updated_by)
values (1, '0301', 2026, 1, date '2026-01-02', now(), 'test', now(), 'test');
insert into allocation_list (id, municipality_number, sent_at, sent_by, deadline)
values (1, '0301', now(), 'test', date '2026-02-01');
insert into proposal (id, allocation_list_id, case_id, municipality_number, status, proposed_at, deadline, answered_at, answered_by)
values (1, 1, 1, '0301', 'ACCEPTED', now(), date '2026-02-01', now(), 'kommune'),
       (2, 1, 2, '0301', 'PENDING', now(), date '2026-02-01', null, null);
insert into settlement_decision (id, case_id, person_id, proposal_id, municipality_number, status, decided_at, decided_by,
    planned_settlement_date, place_year, created_at, created_by, updated_at, updated_by)
values (1, 1, 1, 1, '0301', 'OFFERED', now(), 'kommune', date '2026-03-01', 2026, now(), 'test', now(), 'test');
insert into letter (id, kind, case_id, person_id, decision_id, municipality_number, recipient, recipient_name, title,
    languages, language_basis, version, html, pdf, created_at, created_by)
values (1, 'DECISION', 1, 1, 1, '0301', 'duf:900000000001', 'Amal Haddad', 'Vedtak om bosettingskommune', 'nb',
        'DEFAULT', 1, '<p>Vedtak</p>', '\x255044462d312e37'::bytea, now(), 'test');
insert into letter_dispatch (letter_id, recipient, channel, status, sent_at, created_at, created_by)
values (1, 'duf:900000000001', 'LOCAL', 'SENT', now(), now(), 'test');
insert into outbox_message (topic, recipient, subject, body, case_id, created_at, attempts, delivered_at, next_attempt_at, link)
values ('NOTIFICATION', 'saksbehandler', 'Forslag godtatt', 'Oslo godtok forslaget.', 1, now(), 1, now(), now(), '/saker/1'),
       ('EMAIL', 'saksbehandler@imdi.example', 'Forslag godtatt', 'Oslo godtok forslaget.', 1, now(), 0, null, now(), '/saker/1'),
       ('NOTIFICATION', 'kommune-oslo', 'Nytt forslag', 'Et forslag venter.', 2, now(), 1, now(), now(), null),
       ('EMAIL', 'kommune@oslo.example', 'Nytt forslag', 'Et forslag venter.', 2, now(), 1, null, now() + interval '1 minute', null);
insert into notification (recipient, subject, body, case_id, created_at)
values ('saksbehandler', 'Forslag godtatt', 'Oslo godtok forslaget.', 1, now()),
       ('kommune-oslo', 'Nytt forslag', 'Et forslag venter.', 2, now());
