package dev.faultline.hypothesis.declared;

import dev.faultline.declarations.yaml.Invalid;
import dev.faultline.kit.http.ApiException;
import dev.faultline.kit.http.ApiValidationException;
import dev.faultline.kit.security.Roles;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;

/**
 * What the admin API's controllers check before a change of targets or failure modes: the caller holds the role
 * {@code admin} (403 naming it), names nobody as the author (the token's subject is the actor of what is published),
 * and names the file it sends; and how a file with problems is answered: 400 with every problem, located.
 */
public final class AdminRequests {

    /** The body's media type: the file's own text, so that every problem keeps its line. */
    public static final String YAML = "application/yaml";

    private AdminRequests() {
    }

    /**
     * @param action what the caller tried, for the 403, e.g. "applying targets"
     * @param by     a {@code by} query parameter, refused when present
     */
    public static void requireAdmin(Authentication caller, String action, String by) {
        Roles.require(caller, Roles.ADMIN, action);
        Roles.refuseNamedActor(caller, by, "the author", "leave 'by' out");
    }

    /** The file's name, which its declarations carry as their {@code source}; 400 when it is missing. */
    public static String source(String source) {
        if (source == null || source.isBlank()) {
            throw ApiException.badRequest("source is required: the file's name as a query parameter, e.g. "
                    + "?source=deploy/targets/shop.yaml (a targets file's source owns the services it declares)");
        }
        return source.strip();
    }

    /** A 400 listing every problem of the file {@code source}, each with its line, column and path. */
    public static ApiValidationException refused(String source, Invalid invalid) {
        int count = invalid.problems().size();
        return new ApiValidationException(HttpStatus.BAD_REQUEST, source + ": " + count
                + (count == 1 ? " problem" : " problems") + "; nothing published",
                invalid.problems().stream().map(Object::toString).toList());
    }
}
