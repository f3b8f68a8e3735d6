package no.bosetting.shared.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The one writer of every table the application exports, as CSV (RFC 4180, UTF-8) or XLSX. Null
 * cells are written empty. Text cells that a spreadsheet would run as a formula — beginning with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return — are neutralised by a
 * leading single quote (OWASP, CSV injection), in the headers too; numbers stay numbers, so a
 * negative count is still {@code -3}.
 */
public final class TableExport {

    public record Table(String name, List<String> headers, List<List<Object>> rows) {
    }

    private TableExport() {
    }

    public static String csv(Table table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get())) {
            printer.printRecord(table.headers().stream().map(TableExport::neutralise).toList());
            for (List<Object> row : table.rows()) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object v : row) {
                    cells.add(v == null ? "" : v instanceof Number ? v : neutralise(v.toString()));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static byte[] xlsx(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Bosetting", "1.0");
            // Sheet names are limited to 31 characters by Excel.
            Worksheet ws = wb.newWorksheet(table.name().length() > 31 ? table.name().substring(0, 31) : table.name());
            for (int c = 0; c < table.headers().size(); c++) {
                ws.value(0, c, neutralise(table.headers().get(c)));
                ws.style(0, c).bold().set();
            }
            for (int r = 0; r < table.rows().size(); r++) {
                List<Object> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else if (v != null) {
                        ws.value(r + 1, c, neutralise(v.toString()));
                    }
                }
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A text cell as it is safe to write: with a leading single quote when it would start a formula. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + text : text;
    }
}
