package dev.faultline.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The reliability suite's table of outcomes, one row per scenario, written as Markdown. */
final class ReliabilityTable {

    static final String HEADER = "| scenario | what was broken | outcome | fault removed after | final status | events checked |\n"
            + "|---|---|---|---|---|---|\n";

    /** One scenario's row; filled in as the scenario goes, so that a failed one still shows what was seen. */
    static final class Row {
        final String scenario;
        final String broken;
        String outcome = "not finished";
        String removed = "—";
        String finalStatus = "—";
        String events = "—";

        Row(String scenario, String broken) {
            this.scenario = scenario;
            this.broken = broken;
        }

        String markdown() {
            return "| " + String.join(" | ", cell(scenario), cell(broken), cell(outcome), cell(removed), cell(finalStatus),
                    cell(events)) + " |\n";
        }

        private static String cell(String text) {
            return text.replace("|", "\\|").replace("\n", " ");
        }
    }

    private final List<Row> rows = new ArrayList<>();

    synchronized Row add(String scenario, String broken) {
        Row row = new Row(scenario, broken);
        rows.add(row);
        return row;
    }

    synchronized String markdown() {
        StringBuilder table = new StringBuilder(HEADER);
        rows.forEach(row -> table.append(row.markdown()));
        return table.toString();
    }

    synchronized void write(Path file, String preamble) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, preamble + "\n\n" + markdown());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
