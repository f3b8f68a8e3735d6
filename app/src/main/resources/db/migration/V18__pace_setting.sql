-- Even pace per year: quarterly (default) or monthly targets from each municipality's decision.
create table pace_setting (
    year        integer primary key,
    period      text not null check (period in ('QUARTER', 'MONTH')),
    created_at  timestamptz not null,
    created_by  text not null,
    updated_at  timestamptz not null,
    updated_by  text not null
);
