-- Issue 23 items 3 and 4: a review page that shows what a pin changed, and a send that can take part of a run
-- and never sends a household twice.

-- A pin makes a new run; the old one points to it, so a review page opened on the old run keeps working.
alter table allocation_run add column replaced_by bigint references allocation_run (id);

-- The municipality the engine first proposed for the household in this chain of runs (before any pin), so the
-- review can filter "changed by a pin" and the send summary can count overrides.
-- Existing rows: their first proposal is not known; we assume it is the one stored (they count as unchanged unless pinned).
alter table allocation_run_item add column first_municipality char(4) references municipality (number);
update allocation_run_item set first_municipality = municipality_number;

-- When the household's proposal was sent from this run: a second send (double click, back button, two tabs)
-- finds it sent and sends nothing. Existing rows of sent runs were sent with their run; we assume at its sent_at.
alter table allocation_run_item add column sent_at timestamptz;
update allocation_run_item i set sent_at = r.sent_at
from allocation_run r where r.id = i.run_id and r.status = 'SENT' and i.municipality_number is not null;
