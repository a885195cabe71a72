package dev.faultline.declarations.failuremode;

import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.schemas.avro.FailureModeDeclared;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The failure-mode templates Faultline ships (YAML resources under {@code failure-modes/}, one file per service
 * type), kept here so that every part that must know them reads the same files: hypothesis-service drafts from them,
 * catalog-service lists the failure modes a target has never been tested under.
 */
public final class BuiltInFailureModes {

    /** The built-in template files, one per service type. */
    public static final List<String> RESOURCES = List.of("failure-modes/http-storefront.yaml",
            "failure-modes/http-api.yaml");

    private BuiltInFailureModes() {
    }

    /** The templates of one built-in {@code resource} (one of {@link #RESOURCES}), authored by {@code faultline}. */
    public static List<FailureModeDeclared> read(String resource, Clock clock) {
        try (InputStream in = BuiltInFailureModes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in failure modes " + resource + " are not on the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return FailureModesFile.read(text, resource, "faultline", null, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Invalid invalid) {
            throw new IllegalStateException("built-in failure modes " + resource + " are invalid: " + invalid.problems(),
                    invalid);
        }
    }

    /** Every built-in template. */
    public static List<FailureModeDeclared> all(Clock clock) {
        return RESOURCES.stream().flatMap(resource -> read(resource, clock).stream()).toList();
    }
}
