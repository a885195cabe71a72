package dev.faultline.kit.security;

import dev.faultline.kit.http.ApiException;
import dev.faultline.schemas.avro.Environment;
import io.micronaut.security.authentication.Authentication;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The roles a token's roles claim may carry, and the check a controller makes before a write: a caller without the
 * role gets a 403 naming it (micronaut-security's own role rule answers a bare 403). Reading needs no role: any
 * authenticated caller, the auditor among them, may read everything.
 */
public final class Roles {

    public static final String PROPOSER = "proposer";
    public static final String REVIEWER = "reviewer";
    public static final String OPERATOR = "operator";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
    /** Another Faultline service, authenticated with its client credentials. */
    public static final String SERVICE = "service";

    private Roles() {
    }

    /** {@code approver:<environment>}, e.g. {@code approver:production}. */
    public static String approver(Environment environment) {
        return "approver:" + environment.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Throws a 403 naming {@code role} unless the caller holds it.
     *
     * @param action what the caller tried, for the message, e.g. "halting"
     */
    public static void require(Authentication caller, String role, String action) {
        if (!caller.getRoles().contains(role)) {
            throw ApiException.forbidden(action + " needs the role " + role + "; " + caller.getName() + " has "
                    + (caller.getRoles().isEmpty() ? "no roles" : String.join(", ", new TreeSet<>(caller.getRoles()))));
        }
    }

    /**
     * Throws a 400 when the request names who acts ({@code named} not null): the actor is always the token's subject.
     *
     * @param field    the request's field naming a person, e.g. "approver"
     * @param leaveOut what to do about it, e.g. "leave it out of the body"
     */
    public static void refuseNamedActor(Authentication caller, Object named, String field, String leaveOut) {
        if (named != null) {
            throw ApiException.badRequest(field + " is taken from your token (" + caller.getName() + "); " + leaveOut);
        }
    }
}
