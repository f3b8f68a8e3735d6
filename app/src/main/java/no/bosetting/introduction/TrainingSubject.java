package no.bosetting.introduction;

/** Training in the programme: Norwegian (tested by level A1–C1) and social studies (passed or not). */
public enum TrainingSubject { NORWEGIAN, SOCIAL_STUDIES }
