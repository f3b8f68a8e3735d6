package no.bosetting.shared.api;

import java.util.ArrayList;
import java.util.List;

import no.bosetting.shared.FieldProblem;

/**
 * The API's one paging rule ({@code page} from 0, {@code size} 1–200) for every list endpoint: a wrong value is a field
 * problem, answered 422 with the other problems of the request.
 */
public final class ApiPaging {

    public static final int MAX_PAGE_SIZE = 200;

    private ApiPaging() {
    }

    /** The problems with {@code page} and {@code size}, to which a caller adds its own; empty when both are right. */
    public static List<FieldProblem> problems(int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(FieldProblem.of("page", "error.api.page"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(FieldProblem.of("size", "error.api.pageSize", MAX_PAGE_SIZE));
        }
        return problems;
    }
}
