package dev.faultline.cli.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: positional words, {@code --name value} options (repeatable) and
 * {@code --switch} flags. Each command says which switches it knows, so {@code --accept} never
 * swallows the next word, and which options it knows, so a typo is named instead of ignored.
 * {@code --name=value} works too.
 */
public final class Args {

    private final List<String> positionals;
    private final Map<String, List<String>> options;
    private final Set<String> switches;

    private Args(List<String> positionals, Map<String, List<String>> options, Set<String> switches) {
        this.positionals = positionals;
        this.options = options;
        this.switches = switches;
    }

    /** Parses {@code tokens}; {@code knownSwitches} take no value, {@code knownOptions} take one. */
    public static Args parse(List<String> tokens, Set<String> knownOptions, Set<String> knownSwitches) {
        List<String> positionals = new ArrayList<>();
        Map<String, List<String>> options = new LinkedHashMap<>();
        Set<String> switches = new java.util.LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!token.startsWith("--")) {
                positionals.add(token);
                continue;
            }
            String name = token;
            String value = null;
            int equals = token.indexOf('=');
            if (equals > 0) {
                name = token.substring(0, equals);
                value = token.substring(equals + 1);
            }
            if (knownSwitches.contains(name)) {
                if (value != null) {
                    throw new UsageException(name + " takes no value");
                }
                switches.add(name);
            } else if (knownOptions.contains(name)) {
                if (value == null) {
                    if (i + 1 >= tokens.size()) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = tokens.get(++i);
                }
                options.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            } else {
                throw new UsageException("unknown option '" + name + "'");
            }
        }
        return new Args(List.copyOf(positionals), options, Set.copyOf(switches));
    }

    public Optional<String> option(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new UsageException(name + " is required"));
    }

    public List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    public boolean has(String switchName) {
        return switches.contains(switchName);
    }

    public Optional<Integer> integer(String name) {
        return option(name).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " needs a whole number, not '" + value + "'");
            }
        });
    }

    public Optional<Double> decimal(String name) {
        return option(name).map(value -> {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new UsageException(name + " needs a number, not '" + value + "'");
            }
        });
    }

    public List<String> positionals() {
        return positionals;
    }

    /** The positional word at {@code index}, or a usage error naming {@code what}. */
    public String positional(int index, String what) {
        if (index >= positionals.size()) {
            throw new UsageException(what + " is required");
        }
        return positionals.get(index);
    }

    /** Fails when there are more positional words than {@code max}. */
    public Args atMostPositionals(int max) {
        if (positionals.size() > max) {
            throw new UsageException("unexpected argument '" + positionals.get(max) + "'");
        }
        return this;
    }
}
