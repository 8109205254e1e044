package io.footfall.eval;

import io.footfall.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/**
 * Reads a text annotation file row by row, splitting fields on commas (or on whitespace when a
 * line has no comma), and turns unreadable values into a {@link BadInputException} that names
 * the file, the line and what was expected. Blank lines are skipped; CRLF endings are accepted.
 */
final class TextRows {

    /** One non-blank line. */
    record Row(Path file, int line, String[] fields) {

        int size() {
            return fields.length;
        }

        /** Fails unless the row has at least {@code n} fields. */
        void requireFields(int n, String layout) {
            if (fields.length < n) {
                throw error("expected at least " + n + " columns (" + layout + "), found " + fields.length);
            }
        }

        double number(int col, String what) {
            String s = fields[col];
            try {
                double v = Double.parseDouble(s);
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below, with the line
            }
            throw error("expected " + what + " (a number) in column " + (col + 1) + ", found '" + s + "'");
        }

        /** A whole number; accepts {@code 7.0} as some tools write ids and frames as floats. */
        long integer(int col, String what) {
            String s = fields[col];
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                try {
                    double v = Double.parseDouble(s);
                    if (v == Math.rint(v) && Math.abs(v) < 0x1p53) {
                        return (long) v;
                    }
                } catch (NumberFormatException e2) {
                    // reported below, with the line
                }
            }
            throw error("expected " + what + " (a whole number) in column " + (col + 1) + ", found '" + s + "'");
        }

        BadInputException error(String expected) {
            return new BadInputException(file + ":" + line + ": " + expected);
        }
    }

    private TextRows() {
    }

    /** Calls {@code action} with each non-blank line split into fields. */
    static void forEach(Path file, Consumer<Row> action) {
        forEachLine(file, (s, line) -> {
            String[] fields = s.indexOf(',') >= 0 ? s.split(",", -1) : s.split("\\s+");
            for (int i = 0; i < fields.length; i++) {
                fields[i] = fields[i].strip();
            }
            action.accept(new Row(file, line, fields));
        });
    }

    /** Calls {@code action} with each non-blank line, stripped, and its 1-based number. */
    static void forEachLine(Path file, ObjIntConsumer<String> action) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                String s = text.strip();
                if (!s.isEmpty()) {
                    action.accept(s, line);
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": file not found", e);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
