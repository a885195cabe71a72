package dev.faultline.kit.web;

/**
 * Escaping for HTML written by hand: text and attribute values, and text placed inside a {@code <script>} or
 * {@code <style>} element, where entities are not decoded and only the closing tag must be kept out.
 */
public final class Html {

    private Html() {
    }

    /** Text safe in element content and in a quoted attribute value; null → empty. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * JSON safe inside {@code <script type="application/json">}: {@code <}, {@code >} and {@code &} (which JSON only
     * allows inside strings) and the line separators become {@code \\uXXXX} escapes, so no {@code </script>} or
     * {@code <!--} in the data can end or change the element; {@code JSON.parse} reads back the same value.
     */
    public static String scriptJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A trusted script or stylesheet (ours, or a library's) to inline: a closing tag inside it would end the element,
     * so {@code </} followed by {@code script} or {@code style} is written {@code <\/}, which means the same in a
     * JavaScript string or regular expression and in CSS.
     */
    public static String inlineCode(String code) {
        return code.replaceAll("(?i)</(script|style)", "<\\\\/$1");
    }
}
