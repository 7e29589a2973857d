package gd.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plotly's text attributes are a small HTML dialect; the SVG preview needs them as plain text. */
final class PlotText {
    private static final Pattern BREAK = Pattern.compile("(?i)<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");

    private PlotText() {
    }

    /**
     * The plain text of a Plotly text value: {@code <br>} becomes a space, other tags are dropped,
     * character references ({@code &amp;}, {@code &#39;}, {@code &#x3b1;}) are decoded.
     */
    static String plain(String plotlyText) {
        if (plotlyText == null) {
            return "";
        }
        String s = BREAK.matcher(plotlyText).replaceAll(" ");
        s = TAG.matcher(s).replaceAll("");
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(decode(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    /** The plain text of a title node: a string, or an object with {@code text}; "" when absent. */
    static String title(JsonNode title) {
        if (title == null || title.isNull() || title.isMissingNode()) {
            return "";
        }
        if (title.isObject()) {
            JsonNode text = title.get("text");
            return text == null || text.isNull() ? "" : plain(text.asText());
        }
        return plain(title.asText());
    }

    private static String decode(String entity, String whole) {
        if (entity.startsWith("#x") || entity.startsWith("#X")) {
            return codePoint(Integer.parseInt(entity.substring(2), 16), whole);
        }
        if (entity.startsWith("#")) {
            return codePoint(Integer.parseInt(entity.substring(1)), whole);
        }
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> "\u00a0";
            default -> whole;
        };
    }

    private static String codePoint(int cp, String whole) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : whole;
    }
}
