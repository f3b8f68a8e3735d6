-- Outbox delivery with retries and backoff: a failed message waits until next_attempt_at (doubling from
-- one minute) and keeps its last error; link is the page a notification or e-mail points to.
alter table outbox_message add column next_attempt_at timestamptz;
alter table outbox_message add column link text;
update outbox_message set next_attempt_at = created_at where next_attempt_at is null;
alter table outbox_message alter column next_attempt_at set not null;
alter table outbox_message alter column next_attempt_at set default now();
drop index outbox_undelivered;
create index outbox_undelivered on outbox_message (next_attempt_at, id) where delivered_at is null;
create index outbox_delivered_at on outbox_message (delivered_at) where delivered_at is not null;

-- Demo accounts (local password sign-in) get an address at the demo mail domain, so notifications
-- also arrive by e-mail in the local mail server.
update app_user set email = username || '@bosetting.test' where email is null and password_hash is not null;
