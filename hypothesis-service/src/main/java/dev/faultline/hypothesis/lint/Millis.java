package dev.faultline.hypothesis.lint;

import dev.faultline.schemas.avro.ProbeSpec;
import java.math.BigDecimal;

/** The arithmetic of time that the sample rules share, and how they write it. */
final class Millis {

    /** The injector fires no probe more often than this, whatever its intervalMillis says. */
    static final long MIN_INTERVAL = 10;

    private Millis() {
    }

    /** How often the injector sends {@code probe}'s requests, in ms. */
    static long interval(ProbeSpec probe) {
        return Math.max(MIN_INTERVAL, probe.getIntervalMillis());
    }

    /** "13 s", "12.5 s", "200 ms". */
    static String text(long millis) {
        if (Math.abs(millis) < 1000) {
            return millis + " ms";
        }
        return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString() + " s";
    }

    /** A threshold or count as written, without a trailing ".0". */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
