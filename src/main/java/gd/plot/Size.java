package gd.plot;

/** The width and height of a figure in pixels. */
record Size(int width, int height) {
    static final int DEFAULT_WIDTH = 700;
    static final int DEFAULT_HEIGHT = 420;
    /** The size every figure is drawn at until {@code Plots.size} draws it again at another. */
    static final Size DEFAULT = new Size(DEFAULT_WIDTH, DEFAULT_HEIGHT);

    /** A size a notebook shows well: 200…4000 pixels wide and 150…4000 high. */
    static Size of(String op, int width, int height) {
        if (width < 200 || width > 4000 || height < 150 || height > 4000) {
            throw new IllegalArgumentException(op + ": expected a width in 200…4000 and a height in 150…4000"
                    + " pixels, got " + width + " × " + height);
        }
        return new Size(width, height);
    }

    /** This width with another height, for figures that choose their height to keep their cells square. */
    Size height(int height) {
        return new Size(width, height);
    }
}
