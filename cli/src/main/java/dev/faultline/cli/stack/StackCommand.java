package dev.faultline.cli.stack;

import dev.faultline.cli.CliContext;
import dev.faultline.cli.CommandSpec;
import dev.faultline.cli.args.Args;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code faultline stack}: starts the whole local stack on the demo ports and runs until Ctrl-C. */
public final class StackCommand {

    public static final CommandSpec SPEC = new CommandSpec("stack",
            "stack [--free-ports]   start the devstack, data plane, demo system and the five services until Ctrl-C",
            Set.of(), Set.of("--free-ports"), StackCommand::run);

    private StackCommand() {
    }

    static int run(Args args, CliContext context) throws InterruptedException {
        args.atMostPositionals(0);
        StackOptions options = args.has("--free-ports")
                ? StackOptions.freePorts() : StackOptions.demo();
        LocalStack stack = LocalStack.start(options, line -> context.out().println("  " + line));
        StackEndpoints endpoints = stack.endpoints();
        context.out().println("running; Ctrl-C stops everything. Try:");
        context.out().println("  curl " + endpoints.storefrontUrl() + "/products/sku-1");
        context.out().println("  ./faultline propose --service storefront --fault NETWORK_BLACKHOLE --dependency pricing "
                + "--by you --why 'pricing outage drill' --duration 15");
        new CountDownLatch(1).await(); // the shutdown hook stops the stack
        return 0;
    }
}
