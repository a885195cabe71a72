package dev.faultline.cli;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Defaults the service options from environment variables named after them: {@code --safety-url} from
 * {@code FAULTLINE_SAFETY_URL}, {@code --kafka} from {@code FAULTLINE_KAFKA}. A flag beats its variable; without
 * either, the option's own default (the demo port) applies. Reads the map it is given, not the process
 * environment, so tests can say what is set.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {

    private final Map<String, String> env;

    EnvironmentDefaults(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (argument instanceof OptionSpec option && ServiceOptions.NAMES.contains(option.longestName())) {
            return env.get(variable(option.longestName()));
        }
        return null;
    }

    /** {@code --registry-url} → {@code FAULTLINE_REGISTRY_URL}. */
    static String variable(String optionName) {
        return "FAULTLINE_" + optionName.substring(2).toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
