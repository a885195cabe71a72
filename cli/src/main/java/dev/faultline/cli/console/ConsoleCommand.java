package dev.faultline.cli.console;

import dev.faultline.cli.ServiceCommand;
import dev.faultline.cli.login.TokenSubject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code faultline console}: prints the web console's address with the signed-in user's token in its fragment, which
 * the page takes into the browser tab's session storage and removes from the address (a fragment is never sent to
 * a server, so the token does not reach the console's logs).
 */
@Command(name = "console", description = {"Print a link that opens the web console signed in as you.",
    "The console (console-service) shows experiments, a running one's evidence live with a halt button, verdicts with "
        + "charts, the catalog, its gaps and the follow-up queue; sign in first with faultline login."})
public final class ConsoleCommand extends ServiceCommand {

    @Option(names = "--console-url", paramLabel = "URL", defaultValue = "${env:FAULTLINE_CONSOLE_URL:-http://127.0.0.1:8106}",
            description = "console-service (env FAULTLINE_CONSOLE_URL; default http://127.0.0.1:8106)")
    String consoleUrl;

    @Override
    public Integer call() {
        String token = services.endpoints().token();
        String user = TokenSubject.of(token);
        cli.out().printf("open this link to use the console as %s (the token in it is yours: do not share it):%n", user);
        cli.out().println(link(consoleUrl, token));
        return 0;
    }

    /** The console's page, signing in with {@code token}. */
    public static String link(String consoleUrl, String token) {
        return consoleUrl.replaceAll("/+$", "") + "/#token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
