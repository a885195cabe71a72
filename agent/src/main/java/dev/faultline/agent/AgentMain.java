package dev.faultline.agent;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the host agent: {@code java -jar faultline-agent.jar [--port 8479] [--host 127.0.0.1]
 * [--config agent.json] [--state-dir DIR]}, the token from the config file or
 * {@code FAULTLINE_AGENT_TOKEN}, safety-service's public keys from the config file ({@code publicKeys}). Refuses to
 * start without a token or a public key. SIGTERM/SIGINT remove every
 * fault in force before it exits; after a SIGKILL the next start undoes the journalled ones.
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-agent.xml");
        }
        Logger log = LoggerFactory.getLogger(AgentMain.class);
        String host = null;
        Integer port = null;
        String config = null;
        String stateDir = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                usage(null);
            }
            if (i + 1 >= args.length) {
                usage("flag " + flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--host" -> host = value;
                case "--port" -> port = parsePort(value);
                case "--config" -> config = value;
                case "--state-dir" -> stateDir = value;
                default -> usage("unknown flag " + flag);
            }
        }
        Agent agent;
        try {
            AgentConfig.File file = config == null ? AgentConfig.File.EMPTY : AgentConfig.read(Path.of(config));
            agent = Agent.start(AgentConfig.of(file, host, port, stateDir, System.getenv(AgentConfig.TOKEN_ENV)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            usage(e.getMessage());
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            log.info("faultline agent stopped");
            stopped.countDown();
        }, "agent-shutdown"));
        log.info("faultline agent ready: API on {}, pid {}", agent.address(), ProcessHandle.current().pid());
        stopped.await();
    }

    private static Integer parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            usage("--port must be a number, was '" + value + "'");
            return null;
        }
    }

    @SuppressWarnings("java:S106") // a command's usage goes to the terminal
    private static void usage(String problem) {
        if (problem != null) {
            System.err.println("error: " + problem);
        }
        System.err.println("usage: faultline-agent [--port " + AgentConfig.DEFAULT_PORT + "] [--host 127.0.0.1] [--config agent.json]"
                + " [--state-dir DIR]   (token: 'token' in the config file, or " + AgentConfig.TOKEN_ENV + ")");
        System.exit(problem == null ? 0 : 2);
    }
}
