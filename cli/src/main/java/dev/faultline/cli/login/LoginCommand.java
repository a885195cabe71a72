package dev.faultline.cli.login;

import dev.faultline.cli.FaultlineCli;
import dev.faultline.cli.HelpOption;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code faultline login --user NAME}: gets a token from the local issuer and stores it for the other commands. */
@Command(name = "login", description = {"Sign in at the local token issuer as a user of deploy/users.yaml.",
    "Stores the token ($FAULTLINE_HOME/token or ~/.faultline/token, mode 600); every command then sends it.",
    "FAULTLINE_TOKEN, if set, is sent instead (e.g. a token of your OIDC provider)."})
public final class LoginCommand implements Callable<Integer> {

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "e.g. alice (proposer), bob "
            + "(reviewer), carol (approver), dave (operator), erin (auditor), admin")
    String user;

    @Option(names = "--issuer", paramLabel = "URL", defaultValue = IssuerClient.DEFAULT_ISSUER,
            description = "the token issuer (default ${DEFAULT-VALUE})")
    String issuer;

    @Mixin
    HelpOption help;

    @ParentCommand
    FaultlineCli cli;

    @Override
    public Integer call() {
        IssuerClient.SignedIn signedIn = new IssuerClient(issuer).signIn(user);
        Path file = TokenStore.ofProcess().save(signedIn.token());
        cli.out().printf("signed in as %s (roles: %s) for %d min; token in %s%n", signedIn.user(),
                signedIn.roles().isEmpty() ? "none" : String.join(", ", signedIn.roles()),
                signedIn.validFor().toMinutes(), file);
        return 0;
    }
}
