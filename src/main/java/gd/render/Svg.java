package gd.render;

/**
 * A minimal SVG/XML writer: elements with attributes, escaped text, compact numbers. Attribute
 * names are fixed by the code; attribute values and text are always escaped, so the output is
 * well-formed XML whatever the figure's strings contain.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder(4096);

    /** Writes {@code <name a="v" …>}; {@code attributes} alternate names and values. */
    Svg open(String name, String... attributes) {
        start(name, attributes);
        out.append('>');
        return this;
    }

    /** Writes {@code <name a="v" …/>}. */
    Svg empty(String name, String... attributes) {
        start(name, attributes);
        out.append("/>");
        return this;
    }

    /** Writes {@code </name>}. */
    Svg close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes {@code <name …>text</name>} with the text escaped. */
    Svg element(String name, String text, String... attributes) {
        open(name, attributes);
        out.append(Html.escape(text));
        return close(name);
    }

    /** Writes a line break, to keep the source readable. */
    Svg newline() {
        out.append('\n');
        return this;
    }

    private void start(String name, String[] attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("Svg." + name + ": attributes must be name/value pairs, got "
                    + attributes.length + " strings");
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(Html.escape(attributes[i + 1])).append('"');
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** A fraction (an opacity) with at most two decimals, without trailing zeros. */
    static String num2(double v) {
        long hundredths = Math.round(v * 100);
        long abs = Math.abs(hundredths);
        String decimals = abs % 100 == 0 ? "" : abs % 10 == 0 ? "." + abs % 100 / 10 : abs % 100 < 10 ? ".0" + abs % 100
                : "." + abs % 100;
        return (hundredths < 0 ? "-" : "") + abs / 100 + decimals;
    }

    /** A coordinate with at most one decimal, without a trailing {@code .0}. */
    static String num(double v) {
        long tenths = Math.round(v * 10);
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + (abs % 10 == 0 ? "" : "." + abs % 10);
    }
}
