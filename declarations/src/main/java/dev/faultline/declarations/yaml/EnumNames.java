package dev.faultline.declarations.yaml;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How files and command lines write the contract's enums: lower case with '-' ({@code network-latency},
 * {@code http-error-status}), any case accepted; {@code UNKNOWN}, every enum's default, is never a value to write.
 */
public final class EnumNames {

    private EnumNames() {
    }

    /** The constant {@code text} names, if any. */
    public static <E extends Enum<E>> Optional<E> parse(String text, Class<E> type) {
        String wanted = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> !e.name().equals("UNKNOWN") && e.name().equals(wanted))
                .findFirst();
    }

    /** Every constant as it is written, for messages that list the valid values. */
    public static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).filter(n -> !n.equals("UNKNOWN"))
                .map(n -> n.toLowerCase(Locale.ROOT).replace('_', '-')).toList();
    }
}
