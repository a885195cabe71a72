package dev.faultline.devstack.container;

import dev.faultline.devstack.issuer.IssuerUsers;
import dev.faultline.devstack.issuer.LocalIssuer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The devstack's token issuer as a container's process, for the compose stack's demo users only:
 * {@code IssuerMain [--port 8110] --public-url http://issuer:8110 [--users FILE]}. The public URL is the {@code iss}
 * of its tokens, the one the services trust, whatever address a client signed in at.
 */
public final class IssuerMain {

    static final String USAGE = "usage: IssuerMain [--port 8110] --public-url URL [--users FILE] (env PORT, PUBLIC_URL, USERS)\n";

    private IssuerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ContainerArgs options = ContainerArgs.parse(args, Set.of("--port", "--public-url", "--users"), USAGE);
        String usersFile = options.get("--users", null);
        IssuerUsers users = usersFile == null ? IssuerUsers.bundled() : IssuerUsers.load(Path.of(usersFile));
        LocalIssuer issuer = LocalIssuer.start(users, new InetSocketAddress("0.0.0.0", options.number("--port", 8110)),
                options.require("--public-url", USAGE));
        Runtime.getRuntime().addShutdownHook(new Thread(issuer::close, "issuer-stop"));
        new CountDownLatch(1).await();
    }
}
