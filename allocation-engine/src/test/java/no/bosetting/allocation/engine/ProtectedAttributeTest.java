package no.bosetting.allocation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Nationality, ethnicity, religion and sex must never influence a proposal. The engine model has no place to
 * carry them, and an applicant record that does carry them gives identical results whatever their values.
 */
class ProtectedAttributeTest {

    private static final List<String> PROTECTED = List.of("nationality", "citizenship", "ethnicity", "ethnic",
            "religion", "sex", "gender", "country", "language");

    /** What an application layer might hold about a household, including protected attributes. */
    record Applicant(Household household, String nationality, String ethnicity, String religion, String sex) {
    }

    @Test
    void engineModelHasNoProtectedAttributeAndNoOpenEndedField() {
        for (Class<?> type : List.of(Household.class, Municipality.class, Instance.class, Options.class)) {
            for (RecordComponent c : type.getRecordComponents()) {
                String name = c.getName().toLowerCase(Locale.ROOT);
                assertThat(PROTECTED).as(type.getSimpleName() + "." + c.getName())
                        .noneMatch(p -> name.contains(p) && !name.contains("services"));
            }
        }
        // Every household field has a fixed meaning; no map or free-form object could smuggle attributes in.
        for (RecordComponent c : Household.class.getRecordComponents()) {
            assertThat(c.getType()).isIn(String.class, int.class, boolean.class, Set.class);
        }
    }

    @Test
    void changingProtectedAttributesNeverChangesTheResult() {
        Instance base = RandomInstances.create(21, 80, 10);
        String[] nationalities = {"UA", "SY", "AF", "ER", "NO"};
        String[] religions = {"christian", "muslim", "none", "jewish"};
        String[] sexes = {"female", "male"};
        AllocationResult reference = null;
        for (int variant = 0; variant < 6; variant++) {
            List<Applicant> applicants = new ArrayList<>();
            for (int i = 0; i < base.households().size(); i++) {
                applicants.add(new Applicant(base.households().get(i), nationalities[(i + variant) % 5],
                        "group-" + ((i * 7 + variant) % 3), religions[(i + 3 * variant) % 4], sexes[(i + variant) % 2]));
            }
            Instance instance = new Instance(base.name(), applicants.stream().map(Applicant::household).toList(),
                    base.municipalities());
            AllocationResult r = new AllocationEngine().solve(instance, Policy.defaults(), Options.defaults());
            if (reference == null) {
                reference = r;
            } else {
                assertThat(r.assignment()).isEqualTo(reference.assignment());
                assertThat(r.explanations()).isEqualTo(reference.explanations());
                assertThat(r.objective()).isEqualTo(reference.objective());
            }
        }
        assertThat(Arrays.asList(Scorer.class.getDeclaredFields())).extracting(f -> f.getName().toLowerCase(Locale.ROOT))
                .noneMatch(n -> PROTECTED.stream().anyMatch(n::contains));
    }
}
