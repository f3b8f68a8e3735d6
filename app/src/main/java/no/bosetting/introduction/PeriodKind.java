package no.bosetting.introduction;

/** A break in the introduction programme: an interruption (stopped, may resume) or leave (e.g. parental leave). */
public enum PeriodKind { INTERRUPTION, LEAVE }
