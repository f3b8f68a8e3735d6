package no.bosetting.cases;

/** How a person was informed of the consequence of closing the case or declining the offer. */
public enum InformationChannel {
    CONVERSATION_WITH_INTERPRETER,
    CONVERSATION_WITHOUT_INTERPRETER,
    LETTER,
    PHONE,
    DIGITAL_MESSAGE;

    /** Only a conversation with an interpreter names the interpreter. */
    public boolean usesInterpreter() {
        return this == CONVERSATION_WITH_INTERPRETER;
    }

    /** Bokmål, for the case history, which is kept in one language like the other history lines. */
    String describe() {
        return switch (this) {
            case CONVERSATION_WITH_INTERPRETER -> "samtale med tolk";
            case CONVERSATION_WITHOUT_INTERPRETER -> "samtale uten tolk";
            case LETTER -> "brev";
            case PHONE -> "telefon";
            case DIGITAL_MESSAGE -> "digital melding";
        };
    }
}
