package no.bosetting.statistics.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import no.bosetting.shared.web.ErrorExplanation;
import no.bosetting.statistics.StatisticsQueries;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A statistics page or export asked for a year the statistics do not answer for (StatisticsQueries.yearOrCurrent):
 * 400, for every page of this package in one place, with the years that do exist on the error page. The API answers the
 * same rule with problem details itself.
 */
@ControllerAdvice(basePackageClasses = YearOutOfRangeAdvice.class)
class YearOutOfRangeAdvice {

    @ExceptionHandler(StatisticsQueries.YearOutOfRange.class)
    void badYear(StatisticsQueries.YearOutOfRange e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Years as text: a number argument would be written "2 027" in Norwegian.
        ErrorExplanation.attach(request, "statistics.error.year", String.valueOf(e.first()), String.valueOf(e.last()),
                String.valueOf(e.year()));
        response.sendError(HttpStatus.BAD_REQUEST.value(), e.getMessage());
    }
}
