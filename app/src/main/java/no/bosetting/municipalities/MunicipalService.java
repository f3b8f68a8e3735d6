package no.bosetting.municipalities;

import java.util.Optional;

/**
 * A service a municipality may offer that a household can require (issue 23 item 1). The code is the name the
 * allocation engine matches on; {@code bofellesskap} is the engine's shared-housing service for single adults.
 */
public enum MunicipalService {
    ACCESSIBLE_DWELLING("tilrettelagt_bolig"),
    SPECIALIST_HEALTH_CARE("spesialisthelsetjeneste"),
    CHILD_WELFARE_MINORS("barnevern_mindreaarige"),
    SHARED_HOUSING("bofellesskap"),
    SPECIAL_NEEDS_SCHOOLING("spesialundervisning");

    private final String code;

    MunicipalService(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<MunicipalService> ofCode(String code) {
        for (MunicipalService s : values()) {
            if (s.code.equals(code) || s.name().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
