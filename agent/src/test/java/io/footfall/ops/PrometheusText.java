package io.footfall.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format 0.0.4 (prometheus.io/docs/instrumenting/exposition_formats),
 * for tests: every line must be a comment, HELP, TYPE or a sample of the family its TYPE announced; label values
 * unescaped; a family's samples contiguous, declared before use, never twice with the same labels. Throws
 * {@link IllegalArgumentException} naming the line on anything else.
 */
final class PrometheusText {
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    /** One sample: its full name (with a histogram's {@code _bucket}, {@code _sum}, {@code _count}), labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {
        String label(String key) {
            return labels.get(key);
        }
    }

    /** A metric family: the name its TYPE line gave, its type and help, and its samples in order. */
    record Family(String name, String type, String help, List<Sample> samples) {
    }

    private PrometheusText() {
    }

    static Map<String, Family> parse(String text) {
        Map<String, Family> families = new LinkedHashMap<>();
        Map<String, String> help = new LinkedHashMap<>();
        Set<String> closed = new java.util.HashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        String current = null;
        String[] lines = text.split("\n", -1);
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("the exposition must end with a line feed");
        }
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            String where = "line " + (i + 1) + " '" + line + "'";
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && parts[1].equals("HELP")) {
                    name(parts[2], where);
                    if (help.put(parts[2], parts.length == 4 ? unescapeHelp(parts[3], where) : "") != null) {
                        throw new IllegalArgumentException(where + ": second HELP for " + parts[2]);
                    }
                } else if (parts.length >= 3 && parts[1].equals("TYPE")) {
                    name(parts[2], where);
                    if (parts.length != 4 || !TYPES.contains(parts[3])) {
                        throw new IllegalArgumentException(where + ": TYPE must be one of " + TYPES);
                    }
                    if (families.containsKey(parts[2])) {
                        throw new IllegalArgumentException(where + ": second TYPE for " + parts[2]);
                    }
                    if (current != null) {
                        closed.add(current);
                    }
                    current = parts[2];
                    families.put(current, new Family(current, parts[3], help.getOrDefault(current, ""), new ArrayList<>()));
                }
                continue; // any other comment
            }
            Sample s = sample(line, where);
            String family = familyOf(s.name(), families);
            if (family == null) {
                throw new IllegalArgumentException(where + ": sample of a family without a TYPE line");
            }
            if (closed.contains(family) || !family.equals(current)) {
                throw new IllegalArgumentException(where + ": samples of " + family + " are not contiguous");
            }
            if (!seen.add(s.name() + new TreeMap<>(s.labels()))) {
                throw new IllegalArgumentException(where + ": the same series twice");
            }
            families.get(family).samples().add(s);
        }
        // HELP may come before or after TYPE: attach it.
        Map<String, Family> out = new LinkedHashMap<>();
        families.forEach((k, f) -> out.put(k, new Family(k, f.type(), help.getOrDefault(k, ""), List.copyOf(f.samples()))));
        return out;
    }

    private static String familyOf(String sample, Map<String, Family> families) {
        if (families.containsKey(sample)) {
            String type = families.get(sample).type();
            return type.equals("histogram") ? null : sample;
        }
        for (String suffix : List.of("_bucket", "_sum", "_count", "_created")) {
            if (sample.endsWith(suffix)) {
                String base = sample.substring(0, sample.length() - suffix.length());
                Family f = families.get(base);
                if (f != null && (f.type().equals("histogram") || f.type().equals("summary"))) {
                    return base;
                }
            }
        }
        return null;
    }

    private static Sample sample(String line, String where) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = name(line.substring(0, i), where);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                if (i < line.length() && line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int eq = line.indexOf('=', i);
                if (eq < 0) {
                    throw new IllegalArgumentException(where + ": expected label=\"value\"");
                }
                String label = line.substring(i, eq);
                if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
                    throw new IllegalArgumentException(where + ": bad label name '" + label + "'");
                }
                i = eq + 1;
                if (i >= line.length() || line.charAt(i) != '"') {
                    throw new IllegalArgumentException(where + ": label value must be quoted");
                }
                i++;
                StringBuilder v = new StringBuilder();
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException(where + ": unterminated label value");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        char e = i < line.length() ? line.charAt(i++) : ' ';
                        switch (e) {
                            case '\\' -> v.append('\\');
                            case '"' -> v.append('"');
                            case 'n' -> v.append('\n');
                            default -> throw new IllegalArgumentException(where + ": bad escape \\" + e);
                        }
                    } else {
                        v.append(c);
                    }
                }
                if (labels.put(label, v.toString()) != null) {
                    throw new IllegalArgumentException(where + ": label " + label + " twice");
                }
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                }
            }
        }
        if (i >= line.length() || line.charAt(i) != ' ') {
            throw new IllegalArgumentException(where + ": expected a space before the value");
        }
        String[] rest = line.substring(i + 1).split(" ");
        if (rest.length < 1 || rest.length > 2) {
            throw new IllegalArgumentException(where + ": expected a value and an optional timestamp");
        }
        double value = switch (rest[0]) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(rest[0]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ": bad value '" + rest[0] + "'");
                }
            }
        };
        if (rest.length == 2 && !rest[1].matches("-?\\d+")) {
            throw new IllegalArgumentException(where + ": bad timestamp '" + rest[1] + "'");
        }
        return new Sample(name, labels, value);
    }

    private static String name(String s, String where) {
        if (!METRIC_NAME.matcher(s).matches()) {
            throw new IllegalArgumentException(where + ": bad metric name '" + s + "'");
        }
        return s;
    }

    private static String unescapeHelp(String s, String where) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                char e = i + 1 < s.length() ? s.charAt(++i) : ' ';
                switch (e) {
                    case '\\' -> out.append('\\');
                    case 'n' -> out.append('\n');
                    default -> throw new IllegalArgumentException(where + ": bad escape in HELP \\" + e);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
