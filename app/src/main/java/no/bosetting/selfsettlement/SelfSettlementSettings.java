package no.bosetting.selfsettlement;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import no.bosetting.access.Actor;
import no.bosetting.access.Role;
import no.bosetting.municipalities.Municipalities;
import no.bosetting.shared.CommandFailure;
import no.bosetting.shared.CommandResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's ASB setting, changed by its own officers (or the agency on its behalf), with
 * every saved version kept. A municipality without a saved setting does not accept ASB.
 */
@Service
public class SelfSettlementSettings {

    private static final String SELECT = """
            select municipality_number, accepts, rules_text, rent_limit, cap_percent, updated_at, updated_by
            from self_settlement_setting
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Municipalities municipalities;

    public SelfSettlementSettings(JdbcClient jdbc, Clock clock, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.municipalities = municipalities;
    }

    public Optional<SelfSettlementSetting> find(String municipalityNumber) {
        return jdbc.sql(SELECT + " where municipality_number = :m").param("m", municipalityNumber)
                .query((rs, n) -> map(rs)).optional();
    }

    public boolean accepts(String municipalityNumber) {
        return find(municipalityNumber).map(SelfSettlementSetting::accepts).orElse(false);
    }

    /** The municipalities that accept ASB, by number. */
    public Map<String, SelfSettlementSetting> accepting() {
        return jdbc.sql(SELECT + " where accepts order by municipality_number").query((rs, n) -> map(rs)).list().stream()
                .collect(Collectors.toMap(SelfSettlementSetting::municipalityNumber, s -> s, (a, b) -> a, java.util.TreeMap::new));
    }

    public List<SettingChange> history(String municipalityNumber) {
        return jdbc.sql("""
                select changed_at, changed_by, changed_by_role, accepts, rules_text, rent_limit, cap_percent
                from self_settlement_setting_change where municipality_number = :m order by changed_at desc, id desc
                """)
                .param("m", municipalityNumber)
                .query((rs, n) -> new SettingChange(rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5), (Integer) rs.getObject(6), rs.getInt(7)))
                .list();
    }

    @Transactional
    public CommandResult<SelfSettlementSetting> save(Actor actor, String municipalityNumber, boolean accepts, String rulesText,
                                                     Integer rentLimit, Integer capPercent) {
        if (!(actor.isMunicipality(municipalityNumber) || actor.is(Role.AGENCY_CASEWORKER) || actor.is(Role.AGENCY_ADMIN))) {
            return CommandResult.fail(CommandFailure.NotAllowed.of("error.role.notAllowed"));
        }
        if (municipalities.find(municipalityNumber).isEmpty()) {
            return CommandResult.fail(CommandFailure.NotFound.of("error.municipality.unknown", municipalityNumber));
        }
        String rules = rulesText == null || rulesText.isBlank() ? null : rulesText.trim();
        if (accepts && rules == null) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("rulesText", "selfsettlement.error.rules.required"));
        }
        if (rules != null && rules.length() > 4000) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("rulesText", "selfsettlement.error.rules.tooLong"));
        }
        if (rentLimit != null && (rentLimit <= 0 || rentLimit > 200_000)) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("rentLimit", "selfsettlement.error.rentLimit"));
        }
        if (capPercent == null || capPercent < 0 || capPercent > 100) {
            return CommandResult.fail(CommandFailure.RuleBroken.of("capPercent", "selfsettlement.error.capPercent"));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into self_settlement_setting (municipality_number, accepts, rules_text, rent_limit, cap_percent,
                    created_at, created_by, updated_at, updated_by)
                values (:m, :a, :r, :rent, :cap, :now, :by, :now, :by)
                on conflict (municipality_number) do update set accepts = excluded.accepts, rules_text = excluded.rules_text,
                    rent_limit = excluded.rent_limit, cap_percent = excluded.cap_percent, updated_at = excluded.updated_at,
                    updated_by = excluded.updated_by, version = self_settlement_setting.version + 1
                """)
                .param("m", municipalityNumber).param("a", accepts).param("r", rules).param("rent", rentLimit)
                .param("cap", capPercent).param("now", now).param("by", actor.username()).update();
        jdbc.sql("""
                insert into self_settlement_setting_change (municipality_number, changed_at, changed_by, changed_by_role,
                    accepts, rules_text, rent_limit, cap_percent)
                values (:m, :now, :by, :role, :a, :r, :rent, :cap)
                """)
                .param("m", municipalityNumber).param("now", now).param("by", actor.username()).param("role", actor.role().name())
                .param("a", accepts).param("r", rules).param("rent", rentLimit).param("cap", capPercent).update();
        return CommandResult.ok(find(municipalityNumber).orElseThrow());
    }

    private static SelfSettlementSetting map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SelfSettlementSetting(rs.getString("municipality_number"), rs.getBoolean("accepts"), rs.getString("rules_text"),
                (Integer) rs.getObject("rent_limit"), rs.getInt("cap_percent"), rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"));
    }
}
