-- The AMOT and MAMOT monthly rates per person the reports give (report 000 lines 2455–2457: 18 377 kroner per month
-- from 1 January 2025; lines 2591–2597: MAMOT the same as AMOT, 16 105 in 2022, 16 942 in 2023, 17 687 in 2024).
-- MAMOT only inside its window 16.03.2022–15.02.2024 (report 000 lines 2514–2516). Real rates, so not demo rates;
-- the integration-grant rates are not in the reports and come from the agency (the demo adds labelled demo rates).
insert into grant_rate (id, series_id, version, kind, amount, valid_from, valid_to, source, demo, recorded_at, recorded_by, reason)
select n, n, 1, kind, amount, valid_from, valid_to, source, false, now(), 'migration', null
from (select nextval('grant_rate_id_seq') as n, r.* from (values
    ('AMOT', 16105, date '2022-01-01', date '2022-12-31', 'Statsbudsjettet 2022 (UDI); Proba-rapport, rapport 000 linje 2595–2597'),
    ('AMOT', 16942, date '2023-01-01', date '2023-12-31', 'Statsbudsjettet 2023 (UDI); rapport 000 linje 2595–2597'),
    ('AMOT', 17687, date '2024-01-01', date '2024-12-31', 'Statsbudsjettet 2024 (UDI); rapport 000 linje 2595–2597'),
    ('AMOT', 18377, date '2025-01-01', null, 'Statsbudsjettet 2025 (UDI, 2025); rapport 000 linje 2455–2457'),
    ('MAMOT', 16105, date '2022-03-16', date '2022-12-31', 'Statsbudsjettet 2022 (UDI, 2022a); rapport 000 linje 2591–2597'),
    ('MAMOT', 16942, date '2023-01-01', date '2023-12-31', 'Statsbudsjettet 2023; rapport 000 linje 2591–2597'),
    ('MAMOT', 17687, date '2024-01-01', date '2024-02-15', 'Statsbudsjettet 2024; rapport 000 linje 2591–2597')
) as r (kind, amount, valid_from, valid_to, source)) as numbered;
