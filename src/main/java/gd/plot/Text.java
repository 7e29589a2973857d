package gd.plot;

/** Text for titles, names and labels. */
final class Text {
    private Text() {
    }

    /**
     * {@code s} made safe for the single-quoted JavaScript strings Tablesaw writes titles and names into (it
     * escapes HTML characters but not backslashes or line breaks).
     */
    static String clean(String s) {
        return s.replace("\\", "\\\\").replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
