package no.bosetting.housing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.IntStream;

import no.bosetting.housing.HousingCapacity;
import no.bosetting.municipalities.Municipalities;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The agency's view of the dwellings municipalities have registered, by size, so planning sees where
 * large households can be housed. Aggregated numbers only; /kapasitet/** is the agency's.
 */
@Controller
class HousingCapacityWebController {

    static final int HORIZON_MONTHS = 6;
    static final int LARGEST_ROOMS = 5;

    private final HousingCapacity capacity;
    private final Municipalities municipalities;
    private final Clock clock;

    public HousingCapacityWebController(HousingCapacity capacity, Municipalities municipalities, Clock clock) {
        this.capacity = capacity;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @GetMapping("/kapasitet/boliger")
    String overview(Model model) {
        model.addAttribute("rows", capacity.overview(LocalDate.now(clock), HORIZON_MONTHS, LARGEST_ROOMS));
        model.addAttribute("municipalities", municipalities);
        model.addAttribute("months", HORIZON_MONTHS);
        model.addAttribute("sizes", IntStream.rangeClosed(1, LARGEST_ROOMS).boxed().toList());
        model.addAttribute("largest", LARGEST_ROOMS);
        return "housing/capacity";
    }
}
