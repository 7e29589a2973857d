package gd.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tech.tablesaw.plotly.components.Config;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Turns a Tablesaw {@link Figure} into Plotly's JSON figure format {@code {data: [...], layout: {...}}}.
 *
 * <p>Tablesaw writes each trace and the layout as a JavaScript object literal (unquoted keys, single
 * quotes, trailing commas, {@code NaN}); Jackson reads those leniently. The result is then adapted
 * so that every plotly.js version draws the same figure:
 * <ul>
 *   <li>string titles become {@code title: {text: …}} and {@code titlefont} moves to
 *       {@code title.font}, for the layout and every axis (plotly.js 3 ignores the old forms);</li>
 *   <li>numbers that Tablesaw wrote as strings in the data arrays {@code x}, {@code y}, {@code z}
 *       (for example {@code "1.0"}) become numbers, and {@code NaN} or infinite values become
 *       {@code null}, which plotly.js draws as a gap and JSON can represent.</li>
 * </ul>
 * Text keeps Tablesaw's HTML escaping ({@code &amp;}, {@code &lt;}), which is how Plotly's text
 * attributes spell those characters.
 */
public final class PlotlyJson {
    /** Plotly's MIME type, drawn by JupyterLab's Plotly extension (the {@code plotly} pip package) without scripts. */
    public static final String MIME_TYPE = "application/vnd.plotly.v1+json";

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();
    private static final JsonMapper STRICT = JsonMapper.builder().build();
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[-+]?(NaN|Infinity|inf|nan)");
    private static final Pattern AXIS_KEY = Pattern.compile("[xyz]axis\\d*");
    private static final String[] DATA_KEYS = {"x", "y", "z", "open", "high", "low", "close"};

    private PlotlyJson() {
    }

    /**
     * The figure as a Plotly JSON object with the fields {@code data}, {@code layout} and, when the
     * figure has a Tablesaw {@code Config}, {@code config}.
     *
     * @throws IllegalArgumentException if {@code figure} is null or Tablesaw wrote a part that cannot
     *                                  be read as an object literal
     */
    public static ObjectNode of(Figure figure) {
        if (figure == null) {
            throw new IllegalArgumentException("PlotlyJson.of: figure is null");
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        ArrayNode data = result.putArray("data");
        Trace[] traces = figure.getTraces();
        if (traces != null) {
            for (int i = 0; i < traces.length; i++) {
                if (traces[i] == null) {
                    throw new IllegalArgumentException("PlotlyJson.of: trace " + i + " is null");
                }
                ObjectNode trace = literal(traces[i].asJavascript(i), "trace " + i);
                numbersInData(trace);
                data.add(trace);
            }
        }
        Layout layout = figure.getLayout();
        ObjectNode layoutJson = layout == null
                ? JsonNodeFactory.instance.objectNode()
                : literal(layout.asJavascript(), "layout");
        modernTitles(layoutJson);
        result.set("layout", layoutJson);
        Config config = figure.getConfig();
        if (config != null) {
            result.set("config", literal(config.asJavascript(), "config"));
        }
        return result;
    }

    /** The figure as compact JSON text; see {@link #of(Figure)}. */
    public static String toJson(Figure figure) {
        return toJson(of(figure));
    }

    /** {@code node} as compact JSON text. */
    public static String toJson(JsonNode node) {
        try {
            return STRICT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PlotlyJson.toJson: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@code node} as JSON text that can be placed inside an HTML {@code <script>} element: the
     * characters {@code < > &} and the line separators U+2028 and U+2029 are written as
     * {@code \\uXXXX} escapes (they can only occur inside JSON strings, where the escape means the
     * same character).
     */
    public static String toScriptJson(JsonNode node) {
        String json = toJson(node);
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code node} as plain Java values: {@code Map<String, Object>} (insertion-ordered),
     * {@code List<Object>}, {@code String}, {@code Boolean}, {@code Long}, {@code Double} and
     * {@code null}. Kernels that serialise display data with their own JSON library (JJava uses
     * Gson) need this form.
     */
    public static Object toPlainObjects(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), toPlainObjects(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                list.add(toPlainObjects(element));
            }
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            double v = node.doubleValue();
            return Double.isFinite(v) ? v : null;
        }
        return node.asText();
    }

    /**
     * A one-line description of a Plotly JSON figure, for plain-text outputs, e.g.
     * {@code Figure "Training loss": 2 traces (scatter "train", scatter "test"), 700×450}.
     */
    public static String describe(JsonNode figure) {
        JsonNode layout = figure == null ? null : figure.path("layout");
        if (layout == null) {
            throw new IllegalArgumentException("PlotlyJson.describe: figure is null");
        }
        String title = PlotText.title(layout.get("title"));
        StringBuilder b = new StringBuilder("Figure");
        if (!title.isEmpty()) {
            b.append(" \"").append(title).append('"');
        }
        JsonNode data = figure.path("data");
        b.append(": ").append(data.size()).append(data.size() == 1 ? " trace" : " traces");
        for (int i = 0; i < data.size(); i++) {
            JsonNode trace = data.get(i);
            b.append(i == 0 ? " (" : ", ").append(trace.path("type").asText("scatter"));
            String name = PlotText.plain(trace.path("name").asText(""));
            if (!name.isEmpty()) {
                b.append(" \"").append(name).append('"');
            }
        }
        b.append(data.size() == 0 ? "" : ")");
        if (layout.path("width").isNumber() && layout.path("height").isNumber()) {
            b.append(", ").append(layout.get("width").asInt()).append('×').append(layout.get("height").asInt());
        }
        return b.toString();
    }

    /** Reads the object literal in {@code javascript}, e.g. {@code "var trace0 = { x: [1], };"}. */
    static ObjectNode literal(String javascript, String part) {
        int start = javascript == null ? -1 : javascript.indexOf('{');
        int end = javascript == null ? -1 : javascript.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("PlotlyJson.of: Tablesaw wrote no object literal for the "
                    + part + ", got: " + abbreviate(javascript));
        }
        try {
            JsonNode node = LENIENT.readTree(javascript.substring(start, end + 1));
            return (ObjectNode) node;
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("PlotlyJson.of: cannot read the " + part
                    + " that Tablesaw wrote (" + e.getMessage().lines().findFirst().orElse("") + "): "
                    + abbreviate(javascript), e);
        }
    }

    /** Converts string titles and {@code titlefont} in the layout and all its axes. */
    static void modernTitles(ObjectNode layout) {
        modernTitle(layout);
        List<String> keys = new ArrayList<>();
        layout.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (AXIS_KEY.matcher(key).matches() && layout.get(key).isObject()) {
                modernTitle((ObjectNode) layout.get(key));
            }
        }
        JsonNode scene = layout.get("scene");
        if (scene != null && scene.isObject()) {
            for (String key : new String[] {"xaxis", "yaxis", "zaxis"}) {
                if (scene.get(key) != null && scene.get(key).isObject()) {
                    modernTitle((ObjectNode) scene.get(key));
                }
            }
        }
    }

    private static void modernTitle(ObjectNode owner) {
        JsonNode title = owner.get("title");
        JsonNode font = owner.remove("titlefont");
        if (title != null && title.isValueNode() && !title.isNull()) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            object.put("text", title.asText());
            owner.set("title", object);
            title = object;
        }
        if (font != null) {
            if (title == null || !title.isObject()) {
                title = owner.putObject("title");
            }
            if (!title.has("font")) {
                ((ObjectNode) title).set("font", font);
            }
        }
    }

    private static void numbersInData(ObjectNode trace) {
        for (String key : DATA_KEYS) {
            JsonNode values = trace.get(key);
            if (values != null && values.isArray()) {
                trace.set(key, numbers(values));
            }
        }
    }

    /** The array with numeric strings as numbers and non-finite values as null, nested arrays too. */
    private static JsonNode numbers(JsonNode values) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode(values.size());
        for (JsonNode v : values) {
            if (v.isArray()) {
                out.add(numbers(v));
            } else if (v.isNumber()) {
                double d = v.doubleValue();
                if (Double.isFinite(d)) {
                    out.add(v);
                } else {
                    out.addNull();
                }
            } else if (v.isTextual() && NUMBER.matcher(v.textValue().trim()).matches()) {
                double d = Double.parseDouble(v.textValue().trim());
                if (Double.isFinite(d)) {
                    out.add(d);
                } else {
                    out.addNull();
                }
            } else if (v.isTextual() && NON_FINITE.matcher(v.textValue().trim()).matches()) {
                out.addNull();
            } else {
                out.add(v);
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        String oneLine = s.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
