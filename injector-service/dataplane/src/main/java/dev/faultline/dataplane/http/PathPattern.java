package dev.faultline.dataplane.http;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a rule matches a request path (the URI without its query string): {@code exact},
 * {@code prefix} (the default) or {@code glob}, where {@code *} matches within one path
 * segment, {@code **} across segments and {@code ?} one character other than {@code /}.
 */
public final class PathPattern {

    /** The three ways of matching a path, by their API names. */
    public enum Kind {
        EXACT, PREFIX, GLOB;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String value) {
            for (Kind kind : values()) {
                if (kind.wireName().equals(value)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("match.path_match must be one of exact, prefix, glob; was '" + value + "'");
        }
    }

    /** Matches every path. */
    public static final PathPattern ANY = new PathPattern("/", Kind.PREFIX);

    private final String value;
    private final Kind kind;
    private final Pattern glob;

    public PathPattern(String value, Kind kind) {
        Objects.requireNonNull(kind, "kind");
        if (value == null || !value.startsWith("/")) {
            throw new IllegalArgumentException("match.path must start with '/', was '" + value + "'");
        }
        this.value = value;
        this.kind = kind;
        this.glob = kind == Kind.GLOB ? compile(value) : null;
    }

    public String value() {
        return value;
    }

    public Kind kind() {
        return kind;
    }

    public boolean matches(String path) {
        return switch (kind) {
            case EXACT -> path.equals(value);
            case PREFIX -> path.startsWith(value);
            case GLOB -> glob.matcher(path).matches();
        };
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathPattern p && p.value.equals(value) && p.kind == kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, kind);
    }

    @Override
    public String toString() {
        return kind.wireName() + ":" + value;
    }
}
