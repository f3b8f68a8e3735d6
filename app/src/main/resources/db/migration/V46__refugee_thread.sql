-- Issue 16 point 2: the refugee is a participant in a thread with the agency, one thread per case (kind REFUGEE,
-- no municipality). Existing rows are unchanged: every thread so far is CASE or MUNICIPALITY with a municipality,
-- and every message so far was written by the agency or a municipality.
alter table message_thread drop constraint message_thread_kind_check;
alter table message_thread drop constraint message_thread_check;
alter table message_thread alter column municipality_number drop not null;
alter table message_thread add constraint message_thread_kind_check check (kind in ('CASE', 'MUNICIPALITY', 'REFUGEE'));
alter table message_thread add constraint message_thread_check check (
    (kind in ('CASE', 'REFUGEE')) = (case_id is not null) and (kind = 'REFUGEE') = (municipality_number is null));
create unique index message_thread_refugee on message_thread (case_id) where kind = 'REFUGEE';

alter table message drop constraint message_side_check;
alter table message add constraint message_side_check check (side in ('AGENCY', 'MUNICIPALITY', 'REFUGEE'));
