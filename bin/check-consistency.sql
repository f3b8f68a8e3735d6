-- The consistency checker's queries (bin/check-consistency; BackupRestoreTest; issue 22 item 5's crash script).
-- Each statement returns rows of (kind, name, value): a 'check' passes when its value is 0 (the number of rows that
-- break the rule); a 'fingerprint' is a key table's row count and a checksum of its rows in id order, compared
-- before and after (a backup and its restore, a crash and the recovery) to prove nothing lost or doubled.
-- In-app notifications come from delivered outbox messages of any topic but EMAIL (InAppMessageSender is the fallback),
-- and each such delivery makes at most one e-mail copy (topic EMAIL).
set time zone 'UTC';

select 'check', 'places: settled + accepted persons never above the decided number (year, period, range; overrides excepted)',
       count(*)::text
from capacity_decision d
cross join lateral (
    select count(*) filter (where not (s.reunified and d.reunified_on_top)) as used,
           count(*) filter (where s.override_reason is not null) as overridden
    from settlement_decision s
    where s.municipality_number = d.municipality_number and s.status in ('OFFERED', 'SETTLED')
      and s.place_year between coalesce(d.period_first_year, d.year) and coalesce(d.period_last_year, d.year)) u
where u.overridden = 0 and d.lowering_override_reason is null
  and u.used > case when d.kind = 'RANGE' then coalesce(d.max_persons, d.persons) else d.persons end;

select 'check', 'places: no person holds two places (two active settlement decisions)', count(*)::text
from (select person_id from settlement_decision where status in ('OFFERED', 'SETTLED') group by person_id having count(*) > 1) x;

select 'check', 'proposals: no case has two proposals pending at once', count(*)::text
from (select case_id from proposal where status = 'PENDING' group by case_id having count(*) > 1) x;

select 'check', 'proposals: every place taken on a proposal comes from an accepted one', count(*)::text
from settlement_decision s join proposal p on p.id = s.proposal_id
where s.status in ('OFFERED', 'SETTLED') and s.override_reason is null and p.status <> 'ACCEPTED';

select 'check', 'outbox: a delivered message was attempted and carries no error', count(*)::text
from outbox_message where delivered_at is not null and (attempts < 1 or last_error is not null);

select 'check', 'e-mails: no more e-mail copies of a notification than deliveries of it', count(*)::text
from (select subject, body, link, case_id, count(*) as copies from outbox_message where topic = 'EMAIL'
      group by subject, body, link, case_id) e
left join (select subject, body, link, case_id, count(*) as delivered from outbox_message
           where topic <> 'EMAIL' and delivered_at is not null group by subject, body, link, case_id) n
  on n.subject = e.subject and n.body = e.body and n.link is not distinct from e.link and n.case_id is not distinct from e.case_id
where e.copies > coalesce(n.delivered, 0);

select 'check', 'notifications: no more in-app notifications than delivered outbox messages for them', count(*)::text
from (select recipient, subject, body, case_id, count(*) as shown from notification group by recipient, subject, body, case_id) s
left join (select recipient, subject, body, case_id, count(*) as delivered from outbox_message
           where topic <> 'EMAIL' and delivered_at is not null group by recipient, subject, body, case_id) d
  on d.recipient = s.recipient and d.subject = s.subject and d.body = s.body and d.case_id is not distinct from s.case_id
where s.shown > coalesce(d.delivered, 0);

-- Issue 22 item 5 (bin/crash-test): proposals, decisions and letters after a kill -9 during an acceptance.
select 'check', 'proposals: every accepted proposal made its decisions (at least one, one per member, none twice)', count(*)::text
from proposal p
left join lateral (select count(*) as n, count(distinct person_id) as persons
                   from settlement_decision s where s.proposal_id = p.id) d on true
where p.status = 'ACCEPTED' and (d.n = 0 or d.n <> d.persons);

select 'check', 'proposals: no decision made on a proposal that is not accepted (no half-done acceptance)', count(*)::text
from settlement_decision s join proposal p on p.id = s.proposal_id where p.status <> 'ACCEPTED';

select 'check', 'proposals: none both accepted and open (a pending proposal for a case with an active decision)', count(*)::text
from proposal p
where p.status = 'PENDING'
  and exists (select 1 from settlement_decision s where s.case_id = p.case_id and s.status in ('OFFERED', 'SETTLED'));

select 'check', 'letters: each decision on an accepted proposal has exactly one first decision letter', count(*)::text
from settlement_decision s join proposal p on p.id = s.proposal_id and p.status = 'ACCEPTED'
left join lateral (select count(*) as n from letter l where l.decision_id = s.id and l.kind = 'DECISION' and l.version = 1) l on true
where l.n <> 1;

-- 10: bosetting.outbox.max-attempts as configured in application.properties.
select 'check', 'outbox: no message given up (every row delivered, or pending and still retried)', count(*)::text
from outbox_message where delivered_at is null and attempts >= 10;

-- What was checked, with counts (kind 'count': printed, not judged).
select 'count', 'proposals accepted / pending / other',
       count(*) filter (where status = 'ACCEPTED') || ' / ' || count(*) filter (where status = 'PENDING') || ' / '
           || count(*) filter (where status not in ('ACCEPTED', 'PENDING'))
from proposal;
select 'count', 'decisions on accepted proposals / their first letters',
       count(*) || ' / ' || (select count(*) from letter l join settlement_decision s2 on s2.id = l.decision_id
                             join proposal p2 on p2.id = s2.proposal_id and p2.status = 'ACCEPTED'
                             where l.kind = 'DECISION' and l.version = 1)
from settlement_decision s join proposal p on p.id = s.proposal_id and p.status = 'ACCEPTED';
select 'count', 'places taken (active decisions) / municipality-years with a decided number / highest use of one',
       (select count(*) from settlement_decision where status in ('OFFERED', 'SETTLED')) || ' persons / '
           || count(*) || ' / ' || coalesce((array_agg(u.used || ' of ' || u.ceiling || ' (' || d.municipality_number || ', ' || d.year || ')'
              order by u.used::numeric / nullif(u.ceiling, 0) desc nulls last))[1], '-')
from capacity_decision d
cross join lateral (
    select count(*) filter (where not (s.reunified and d.reunified_on_top)) as used,
           case when d.kind = 'RANGE' then coalesce(d.max_persons, d.persons) else d.persons end as ceiling
    from settlement_decision s
    where s.municipality_number = d.municipality_number and s.status in ('OFFERED', 'SETTLED')
      and s.place_year between coalesce(d.period_first_year, d.year) and coalesce(d.period_last_year, d.year)) u;
select 'count', 'outbox messages delivered / pending (retried) / e-mails among them delivered',
       count(*) filter (where delivered_at is not null) || ' / ' || count(*) filter (where delivered_at is null) || ' / '
           || count(*) filter (where topic = 'EMAIL' and delivered_at is not null)
from outbox_message;

select 'fingerprint', 'settlement_decision', count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\n' order by t.id)), '-')
from settlement_decision t;
select 'fingerprint', 'capacity_decision', count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\n' order by t.id)), '-')
from capacity_decision t;
select 'fingerprint', 'proposal', count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\n' order by t.id)), '-')
from proposal t;
select 'fingerprint', 'settlement_case', count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\n' order by t.id)), '-')
from settlement_case t;
select 'fingerprint', 'person', count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\n' order by t.id)), '-')
from person t;
select 'fingerprint', 'letter', count(*) || ' rows ' || coalesce(md5(string_agg(
           concat_ws('|', t.id, t.kind, t.case_id, t.person_id, t.decision_id, t.recipient, t.version, md5(t.html), md5(t.pdf)),
           E'\n' order by t.id)), '-')
from letter t;
select 'fingerprint', 'letter_dispatch', count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\n' order by t.id)), '-')
from letter_dispatch t;
select 'fingerprint', 'outbox_message', count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\n' order by t.id)), '-')
from outbox_message t;
select 'fingerprint', 'outbox_message e-mails', count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\n' order by t.id)), '-')
from outbox_message t where topic = 'EMAIL';
select 'fingerprint', 'notification', count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\n' order by t.id)), '-')
from notification t;
