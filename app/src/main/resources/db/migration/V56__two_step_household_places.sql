-- Two-step control for the place-rule override made through a household change (issue 20 item 1 with issue 18 item 5):
-- a member joining an offered (or settled) household beyond the municipality's decided places, or a household corrected
-- into an unaccompanied minor beyond the minors' places, with the agency's override reason. A new kind with its own
-- policy row, on by default as V52 switched the others on. Only the kind check is widened; no existing row is changed.
alter table approval_policy drop constraint approval_policy_kind_check;
alter table approval_policy add constraint approval_policy_kind_check
    check (kind in ('BEYOND_PLACES', 'WITHDRAW_OFFER', 'RECONSIDERATION_OUTCOME', 'CLOSE_CASE', 'HOUSEHOLD_BEYOND_PLACES'));
insert into approval_policy (kind, required) values ('HOUSEHOLD_BEYOND_PLACES', true);
