package dev.faultline.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} command-line flags of the demo processes; unknown flags are an error. */
final class Flags {

    private final Map<String, String> values;

    private Flags(Map<String, String> values) {
        this.values = values;
    }

    static Flags parse(String[] args, List<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!known.contains(flag)) {
                throw new IllegalArgumentException("unknown option '" + flag + "' (known: " + String.join(", ", known) + ")");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            values.put(flag, args[++i]);
        }
        return new Flags(values);
    }

    String text(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    int number(String flag, int fallback) {
        String value = values.get(flag);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a non-negative whole number, not '" + value + "'");
        }
    }
}
