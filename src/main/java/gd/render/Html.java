package gd.render;

/** Text made safe for HTML and XML (SVG): the one escaping function of the library. */
public final class Html {
    private Html() {
    }

    /**
     * {@code text} escaped for HTML and XML content and attribute values; characters that XML 1.0 does not
     * allow (most control characters, unpaired surrogates) are dropped.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        b.append(c).append(text.charAt(++i));
                    } else if ((c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !Character.isSurrogate(c))
                            || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
