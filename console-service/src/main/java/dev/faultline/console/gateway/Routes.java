package dev.faultline.console.gateway;

import io.micronaut.http.HttpMethod;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service answers each of the console's {@code /api/...} requests: exactly the reads the pages need and the
 * two writes a person makes from them (a halt and its lift at safety-service, a follow-up's triage at
 * analysis-service). Anything else is not forwarded, so the console can never become a way around a service's own
 * API. Each service still checks the token and the role; the console only adds its own check that a token is there.
 */
public final class Routes {

    private static final String ID = "[A-Za-z0-9._:-]+";

    private record Route(HttpMethod method, Pattern path, Upstream upstream) {
    }

    private static final List<Route> ROUTES = List.of(
            get("experiments", Upstream.CATALOG),
            get("experiments/" + ID, Upstream.CATALOG),
            get("experiments/" + ID + "/hypothesis", Upstream.HYPOTHESIS),
            get("experiments/" + ID + "/(verdict|evidence|report|report\\.html)", Upstream.ANALYSIS),
            get("catalog(/gaps|/document|/" + ID + "/" + ID + ")?", Upstream.CATALOG),
            get("follow-ups(/" + ID + ")?", Upstream.ANALYSIS),
            new Route(HttpMethod.POST, Pattern.compile("follow-ups/" + ID + "/transitions"), Upstream.ANALYSIS),
            new Route(HttpMethod.POST, Pattern.compile("halts"), Upstream.SAFETY),
            new Route(HttpMethod.DELETE, Pattern.compile("halts/" + ID), Upstream.SAFETY),
            get("schedules", Upstream.SAFETY));

    private Routes() {
    }

    private static Route get(String regex, Upstream upstream) {
        return new Route(HttpMethod.GET, Pattern.compile(regex), upstream);
    }

    /** The service for {@code method} on {@code path} (below {@code /api/}, without a query), if the console forwards it. */
    public static Optional<Upstream> of(HttpMethod method, String path) {
        if (path.contains("..")) {
            return Optional.empty();
        }
        return ROUTES.stream().filter(r -> r.method() == method && r.path().matcher(path).matches())
                .map(Route::upstream).findFirst();
    }

    /** What a caller may ask, for a 404's message. */
    public static String described() {
        return ROUTES.stream().map(r -> r.method() + " /api/" + r.path().pattern().replace(ID, "{id}"))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }
}
