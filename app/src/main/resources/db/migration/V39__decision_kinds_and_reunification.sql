-- Issue 14 items 3–4: what a council decided. A decision is for one year (YEAR), a total for a period (PERIOD: every
-- year row of the period holds the period's total in persons / unaccompanied_minors and the period's first and last
-- year; the places are counted against the total, report 003 lines 2347–2354 and 2420–2421), or a range per year
-- (RANGE: persons is the minimum, max_persons the maximum, report 003 lines 2243–2248). Each decision says whether
-- reunified family members count inside the number or on top of it (report 003 lines 2292–2294, 2353–2354).
-- Assumed for existing rows: each was recorded as a number for its own year (the old form copied a multi-year number
-- into every year, which is what a "per year" decision is), with reunified family members inside the number, as in
-- the model before this change (every settled person counted).
alter table capacity_decision add column kind text not null default 'YEAR' check (kind in ('YEAR', 'PERIOD', 'RANGE'));
alter table capacity_decision add column max_persons integer;
alter table capacity_decision add column period_first_year integer;
alter table capacity_decision add column period_last_year integer;
alter table capacity_decision add column reunified_on_top boolean not null default false;
alter table capacity_decision add constraint capacity_decision_range check (
    (kind = 'RANGE') = (max_persons is not null) and (max_persons is null or max_persons >= persons));
alter table capacity_decision add constraint capacity_decision_period check (
    (kind = 'PERIOD') = (period_first_year is not null and period_last_year is not null)
    and (period_first_year is null or year between period_first_year and period_last_year));

alter table capacity_decision_history add column kind text not null default 'YEAR';
alter table capacity_decision_history add column max_persons integer;
alter table capacity_decision_history add column period_first_year integer;
alter table capacity_decision_history add column period_last_year integer;
alter table capacity_decision_history add column reunified_on_top boolean not null default false;

-- A reunified family member who joined a settled household: their place counts inside or on top of the decided
-- number as that year's decision says. Existing rows are the household members decided together (not reunified).
alter table settlement_decision add column reunified boolean not null default false;

-- The allocation policy says whether the engine may propose up to a range decision's maximum (otherwise the minimum).
-- Existing policies: no (planning uses the minimum).
alter table allocation_policy add column use_range_maximum boolean not null default false;
