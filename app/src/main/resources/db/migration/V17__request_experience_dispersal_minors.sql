-- Issue 5, rest of the request criteria: settlement experience, dispersal across regions and sizes, and the
-- separate request for unaccompanied minors (versioned with the persons number).
alter table request_criteria add column experience_weight numeric(5, 2) not null default 0
    check (experience_weight >= 0 and experience_weight <= 5);
alter table request_criteria add column dispersal_weight numeric(5, 2) not null default 0
    check (dispersal_weight >= 0 and dispersal_weight <= 1);
alter table request_criteria add column minors_need integer not null default 0 check (minors_need >= 0);

-- Child-welfare capacity/experience for unaccompanied minors, and settlement experience entered by the
-- planner (persons settled per 1,000 inhabitants in the last five years; null = from the system's own data).
alter table request_input add column minors_capacity boolean not null default false;
alter table request_input add column settled_per_1000 numeric(7, 2) check (settled_per_1000 >= 0);

alter table capacity_request add column unaccompanied_minors integer not null default 0 check (unaccompanied_minors >= 0);
