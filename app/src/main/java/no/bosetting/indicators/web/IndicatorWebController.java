package no.bosetting.indicators.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import no.bosetting.access.CurrentActor;
import no.bosetting.indicators.Indicator;
import no.bosetting.indicators.IndicatorCsvImport;
import no.bosetting.indicators.IndicatorValues;
import no.bosetting.shared.web.Messages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** The agency planner's upload of indicator tables, with what the tables hold and where it came from. */
@Controller
class IndicatorWebController {

    static final String BASE = "/kapasitet/indikatorer";

    private final IndicatorCsvImport csvImport;
    private final IndicatorValues values;
    private final Messages messages;

    IndicatorWebController(IndicatorCsvImport csvImport, IndicatorValues values, Messages messages) {
        this.csvImport = csvImport;
        this.values = values;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String page(Model model) {
        return show(model);
    }

    @PostMapping(BASE)
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
        if (!IndicatorCsvImport.mayImport(CurrentActor.get())) {
            model.addAttribute("errors", Map.of("file", messages.get("error.role.notAllowed")));
            return show(model);
        }
        if (file == null || file.isEmpty()) {
            model.addAttribute("errors", Map.of("file", messages.get("indicators.fileRequired")));
            return show(model);
        }
        try (InputStream in = file.getInputStream()) {
            IndicatorCsvImport.Report report = csvImport.importCsv(in, file.getOriginalFilename(), CurrentActor.get());
            model.addAttribute("report", report);
            model.addAttribute("fileName", file.getOriginalFilename());
            if (report.refused()) {
                model.addAttribute("errors", Map.of("file", messages.get("indicators.refused", report.problems().size())));
            } else {
                model.addAttribute("success", messages.get("indicators.imported", report.imported(), file.getOriginalFilename()));
            }
        }
        return show(model);
    }

    private String show(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("canEdit", IndicatorCsvImport.mayImport(CurrentActor.get()));
        model.addAttribute("coverage", values.coverage());
        model.addAttribute("imports", values.imports());
        model.addAttribute("indicators", Indicator.values());
        model.addAttribute("columns", String.join(",", IndicatorCsvImport.COLUMNS));
        return "indicators/upload";
    }

    @GetMapping(value = BASE + "/mal.csv", produces = "text/csv")
    @ResponseBody
    ResponseEntity<String> template() {
        String csv = String.join(",", IndicatorCsvImport.COLUMNS) + "\n"
                + "4001,arbeidsledighet,2026,3.0,NAV Hovedtall om arbeidsmarkedet januar 2026,NAV helt ledige\n"
                + "4001,innvandrerandel,2026,14,Statistisk sentralbyrå,09817\n";
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"indikatorer-mal.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv);
    }
}
