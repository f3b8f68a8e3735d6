-- Rate limits for anonymous forms (shared.RateLimits): hits per client per fixed window, counted in the
-- database so every application instance shares one count. The client is stored only as a hash of its
-- address, and rows are removed a day after their window.
create table request_rate_limit (
    bucket       text        not null,
    client_hash  text        not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (bucket, client_hash, window_start)
);
create index request_rate_limit_window on request_rate_limit (window_start);
