-- Issue 14: a decided number below the places already used needs the agency planner's override, kept with the decision.
alter table capacity_decision add column lowering_override_reason text;
alter table capacity_decision_history add column lowering_override_reason text;
