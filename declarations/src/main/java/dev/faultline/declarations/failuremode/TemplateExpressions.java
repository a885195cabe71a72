package dev.faultline.declarations.failuremode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlScript;
import org.apache.commons.jexl3.JxltEngine;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;

/**
 * The expressions of failure-mode templates, in Apache Commons JEXL: a threshold is a number or an expression
 * ({@code latencyMillis + 500}, {@code math:min(1, trafficShare + 0.05)}); a title or description is text with
 * {@code ${...}} in it. They see only the drafting variables ({@link #BUILT_INS} and the template's parameters) and
 * {@code math:} (java.lang.Math). Templates come from teams' files, so the engine is sandboxed: JEXL's restricted
 * permissions, no assignment, loops, lambdas, object creation or scripts; an unknown variable is an error.
 */
public final class TemplateExpressions {

    /** What every template may use besides its parameters. */
    public static final Set<String> BUILT_INS = Set.of("service", "dependency", "environment", "durationSeconds",
            "durationMillis", "trafficShare", "percent");

    private static final JexlEngine ENGINE = new JexlBuilder().permissions(JexlPermissions.RESTRICTED).strict(true)
            .silent(false).safe(false).cache(256).namespaces(Map.of("math", Math.class))
            .features(new JexlFeatures().sideEffect(false).sideEffectGlobal(false).loops(false).lambda(false)
                    .newInstance(false).pragma(false).annotation(false).importPragma(false).register(false))
            .create();
    private static final JxltEngine TEXT = ENGINE.createJxltEngine();

    private TemplateExpressions() {
    }

    /** What is wrong with {@code text} as a threshold (a number, or an expression over the variables). */
    public static Optional<String> checkNumber(String text, Set<String> parameters) {
        if (isNumber(text)) {
            return Optional.empty();
        }
        try {
            return unknown(ENGINE.createScript(text).getVariables(), parameters);
        } catch (JexlException e) {
            return Optional.of("'" + text + "' is neither a number nor an expression: " + reason(e));
        }
    }

    /** What is wrong with {@code text} as text with {@code ${...}} expressions. */
    public static Optional<String> checkText(String text, Set<String> parameters) {
        try {
            return unknown(TEXT.createExpression(text).getVariables(), parameters);
        } catch (JexlException e) {
            return Optional.of("cannot read the ${...} in '" + text + "': " + reason(e));
        }
    }

    /**
     * The value of threshold {@code text} with {@code variables}.
     *
     * @throws IllegalArgumentException when it does not give a number
     */
    public static double number(String text, Map<String, ?> variables) {
        if (isNumber(text)) {
            return Double.parseDouble(text.strip());
        }
        Object value;
        try {
            value = ENGINE.createScript(text).execute(context(variables));
        } catch (JexlException e) {
            throw new IllegalArgumentException("'" + text + "' failed: " + reason(e), e);
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("'" + text + "' gave '" + value + "', not a number (check the parameters "
                + "it uses)");
    }

    /** {@code text} with its {@code ${...}} replaced by their values. */
    public static String text(String text, Map<String, ?> variables) {
        try {
            return String.valueOf(TEXT.createExpression(text).evaluate(context(variables)));
        } catch (JexlException e) {
            throw new IllegalArgumentException("'" + text + "' failed: " + reason(e), e);
        }
    }

    /** A parameter's value as expressions see it: a number when it reads as one, else its text. */
    public static Object value(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.matches("-?\\d{1,18}")) {
            return Long.parseLong(stripped);
        }
        return isNumber(stripped) ? (Object) Double.parseDouble(stripped) : text;
    }

    /** The variables of a draft, parameters as {@link #value(String)} gives them. */
    public static Map<String, Object> variables(Map<String, ?> builtIns, Map<String, String> parameters) {
        Map<String, Object> all = new LinkedHashMap<>();
        parameters.forEach((name, text) -> all.put(name, value(text)));
        all.putAll(builtIns);
        return all;
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<String> unknown(Set<List<String>> used, Set<String> parameters) {
        Set<String> unknown = new TreeSet<>();
        for (List<String> variable : used) {
            String name = variable.get(0);
            if (!BUILT_INS.contains(name) && !parameters.contains(name)) {
                unknown.add(name);
            }
        }
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        List<String> known = new ArrayList<>(new TreeSet<>(BUILT_INS));
        known.addAll(new TreeSet<>(parameters));
        return Optional.of("unknown " + (unknown.size() == 1 ? "variable " : "variables ") + unknown
                + "; use the template's parameters or " + known);
    }

    private static MapContext context(Map<String, ?> variables) {
        MapContext context = new MapContext();
        variables.forEach(context::set);
        return context;
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        // JEXL prefixes the caller and position (Class.method:line@1:5); keep what follows the position
        int at = message.indexOf('@');
        int space = at < 0 ? -1 : message.indexOf(' ', at);
        return space > 0 ? message.substring(space + 1) : message;
    }
}
