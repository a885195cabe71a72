package dev.faultline.cli.declared;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.cli.http.ServiceCallException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code targets apply} and {@code failure-modes add} share: they send the file's text to hypothesis-service's
 * admin API as {@link #MEDIA_TYPE}, and a file with problems — found here before sending, or by the service — is
 * refused whole: every problem on stderr after the file's name, exit 2, nothing published.
 */
public final class DeclarationFiles {

    /** The media type the admin API reads a declarations file as. */
    public static final String MEDIA_TYPE = "application/yaml";
    /** Exit code of a refused file. */
    public static final int REFUSED = 2;

    private DeclarationFiles() {
    }

    /** Prints {@code problems} of {@code file} and says nothing was published; returns {@link #REFUSED}. */
    public static int refuse(PrintWriter err, Path file, List<String> problems) {
        problems.forEach(problem -> err.println(file + ": " + problem));
        err.println(file + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "; nothing published");
        return REFUSED;
    }

    /** The problems of a file the service refused with 400 (its reasons, else its error); rethrows any other failure. */
    public static List<String> problems(ServiceCallException refused) {
        if (refused.status() != 400) {
            throw refused;
        }
        return refused.reasons().isEmpty() ? List.of(refused.error()) : refused.reasons();
    }

    /** {@code value} for a URL's query or path. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The strings of a JSON array of the answer. */
    public static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
