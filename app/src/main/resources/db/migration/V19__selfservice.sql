-- Refugee sign-in with a DUF number and a one-time code (demo profile; production uses ID-porten).
-- Only a salted hash of the code is stored; a new code replaces the old one for the same DUF number.
create table refugee_login_code (
    id            bigserial primary key,
    duf_number    char(12) not null,
    code_salt     text not null,
    code_hash     text not null,
    expires_at    timestamptz not null,
    attempts      integer not null default 0,
    status        text not null check (status in ('ACTIVE', 'USED', 'REPLACED', 'LOCKED')),
    demo_code     text,
    created_at    timestamptz not null,
    created_by    text not null,
    updated_at    timestamptz not null,
    updated_by    text not null
);
create index refugee_login_code_duf on refugee_login_code (duf_number, created_at desc);
