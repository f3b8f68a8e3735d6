-- Staff sign-in throttling, shared by every node: consecutive failures per username and per client address,
-- and the lock-out that follows (doubling with each further failure). A row is forgotten after a quiet period.
create table sign_in_throttle (
    key_kind        text not null check (key_kind in ('USERNAME', 'ADDRESS')),
    key_value       text not null,
    failures        integer not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz,
    primary key (key_kind, key_value)
);

-- Audit of staff sign-in security events: failed sign-ins, lock-outs, attempts refused while locked out,
-- the bootstrap administrator and accounts disabled at start-up. Never holds a password.
create table sign_in_audit (
    id             bigserial primary key,
    occurred_at    timestamptz not null,
    event          text not null,
    username       text,
    client_address text,
    channel        text not null,
    detail         text
);
create index sign_in_audit_user on sign_in_audit (username, occurred_at);
create index sign_in_audit_address on sign_in_audit (client_address, occurred_at);
