package no.bosetting.housing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dwellings each municipality can offer soon, by how many persons they house, for planning:
 * the allocation engine sends large households only where large dwellings exist. Aggregated
 * numbers only, no addresses.
 */
@Service
public class HousingCapacity {

    private final JdbcClient jdbc;

    public HousingCapacity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per municipality with registered dwellings: index k is the number of vacant dwellings available
     * by {@code today + months} that house exactly k persons ({@link DwellingSize#personsHoused}), the
     * last index meaning "maxPersons or more". Municipalities with no dwellings in the register are
     * absent, so callers can tell "none registered" from "none free".
     */
    public Map<String, int[]> dwellingsByPersons(LocalDate today, int months, int maxPersons) {
        Map<String, int[]> result = new HashMap<>();
        jdbc.sql("select distinct municipality_number from dwelling")
                .query(String.class).list()
                .forEach(m -> result.put(m, new int[maxPersons + 1]));
        jdbc.sql("""
                select municipality_number, rooms, count(*) from dwelling
                where status = 'VACANT' and available_from <= :until
                group by municipality_number, rooms
                """)
                .param("until", today.plusMonths(months))
                .query(rs -> {
                    int[] sizes = result.computeIfAbsent(rs.getString(1), k -> new int[maxPersons + 1]);
                    sizes[Math.min(maxPersons, DwellingSize.personsHoused(rs.getInt(2)))] += rs.getInt(3);
                });
        return result;
    }

    /** One municipality's registered dwellings for the agency's overview; sizes in rooms, the last meaning "or more". */
    public record MunicipalityHousing(String municipalityNumber, int[] availableByRooms, int reserved, int occupied,
                                      int vacantLongerThan60Days) {

        public int available() {
            return Arrays.stream(availableByRooms).sum();
        }
    }

    /** Every municipality with registered dwellings, by municipality number; for the agency's planning. */
    public List<MunicipalityHousing> overview(LocalDate today, int months, int largestRooms) {
        Map<String, int[]> available = new TreeMap<>();
        Map<String, int[]> other = new HashMap<>();
        jdbc.sql("""
                select municipality_number, rooms, status, available_from, vacant_since from dwelling
                where status in ('VACANT', 'RESERVED', 'OCCUPIED')
                """)
                .query(rs -> {
                    String m = rs.getString(1);
                    int[] sizes = available.computeIfAbsent(m, k -> new int[largestRooms + 1]);
                    int[] counts = other.computeIfAbsent(m, k -> new int[3]);
                    String status = rs.getString(3);
                    LocalDate from = rs.getObject(4, LocalDate.class);
                    if ("VACANT".equals(status) && !from.isAfter(today.plusMonths(months))) {
                        sizes[Math.min(largestRooms, rs.getInt(2))]++;
                        LocalDate since = rs.getObject(5, LocalDate.class);
                        LocalDate start = since == null || since.isBefore(from) ? from : since;
                        if (start.plusDays(HousingNeeds.LONG_VACANT_DAYS).isBefore(today)) {
                            counts[2]++;
                        }
                    } else if ("RESERVED".equals(status)) {
                        counts[0]++;
                    } else if ("OCCUPIED".equals(status)) {
                        counts[1]++;
                    }
                });
        return available.entrySet().stream()
                .map(e -> new MunicipalityHousing(e.getKey(), e.getValue(), other.get(e.getKey())[0], other.get(e.getKey())[1],
                        other.get(e.getKey())[2]))
                .toList();
    }
}
