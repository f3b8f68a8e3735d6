package no.bosetting.moves;

/** Why a settled person moved on (report 002 lines 3786–3831: family, work or education are the agreed reasons). */
public enum MoveReason { FAMILY, WORK, EDUCATION, OTHER }
