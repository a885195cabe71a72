package dev.faultline.devstack.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code --name value} options of a container's process, each also taken from an environment variable
 * ({@code --public-url} from {@code PUBLIC_URL}), checked against the names a main knows; a wrong one ends the process
 * with exit code 2 and the usage, as a container should fail: at once and saying why.
 */
final class ContainerArgs {

    private final Map<String, String> values;

    private ContainerArgs(Map<String, String> values) {
        this.values = values;
    }

    static ContainerArgs parse(String[] args, Set<String> known, String usage) {
        Map<String, String> values = new HashMap<>();
        for (String name : known) {
            String env = System.getenv(name.substring(2).replace('-', '_').toUpperCase(java.util.Locale.ROOT));
            if (env != null && !env.isBlank()) {
                values.put(name, env);
            }
        }
        for (int i = 0; i < args.length; i += 2) {
            if (!known.contains(args[i]) || i + 1 >= args.length) {
                fail((known.contains(args[i]) ? args[i] + " needs a value" : "unknown option " + args[i]), usage);
            }
            values.put(args[i], args[i + 1]);
        }
        return new ContainerArgs(values);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String require(String name, String usage) {
        String value = values.get(name);
        if (value == null) {
            fail(name + " is required", usage);
        }
        return value;
    }

    int number(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    /** The entries of a properties file whose keys start with {@code prefix}, the prefix removed. */
    static Map<String, String> prefixed(Properties properties, String prefix) {
        Map<String, String> result = new TreeMap<>();
        properties.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .forEach(key -> result.put(key.substring(prefix.length()), properties.getProperty(key)));
        return result;
    }

    static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void fail(String problem, String usage) {
        System.err.println(problem);
        System.err.print(usage);
        System.exit(2);
    }
}
