package io.footfall.detect;

import io.footfall.BadInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * How a wide view is sliced for detection, in the manner of SAHI: a grid of equal, overlapping tiles, each fitted to
 * the model's input on its own, so a person 30 pixels tall in a 1280x720 frame is seen at about twice the scale of
 * the whole frame. The whole frame can run as well, for people too large for one tile.
 *
 * @param columns    tiles across, 1..8
 * @param rows       tiles down, 1..8
 * @param overlap    fraction of a tile shared with its neighbour, 0..0.5; a person cut by one tile's edge is whole
 *                   in the next when they are narrower than this
 * @param wholeFrame also detect on the whole frame
 */
public record Tiling(int columns, int rows, double overlap, boolean wholeFrame) {

    /** One tile in frame pixels. */
    public record Tile(int x, int y, int width, int height) {
        public int right() {
            return x + width;
        }

        public int bottom() {
            return y + height;
        }
    }

    public Tiling {
        if (columns < 1 || columns > 8 || rows < 1 || rows > 8) {
            throw new BadInputException("tiling must have 1..8 columns and rows, got " + columns + "x" + rows);
        }
        if (columns * rows < 2) {
            throw new BadInputException("tiling of 1x1 is the whole frame; give at least 2 tiles or leave tiling out");
        }
        if (!(overlap >= 0 && overlap <= 0.5)) {
            throw new BadInputException("tiling overlap must be within 0..0.5, got " + overlap);
        }
    }

    /** Parses {@code COLUMNSxROWS[,overlap][,tiles-only]}, e.g. {@code 2x2,0.2}. */
    public static Tiling parse(String text) {
        String[] parts = text.strip().split(",");
        String[] grid = parts[0].strip().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (grid.length != 2 || parts.length > 3) {
                throw new NumberFormatException();
            }
            double overlap = parts.length > 1 ? Double.parseDouble(parts[1].strip()) : 0.2;
            boolean whole = true;
            if (parts.length > 2) {
                if (!parts[2].strip().equals("tiles-only")) {
                    throw new NumberFormatException();
                }
                whole = false;
            }
            return new Tiling(Integer.parseInt(grid[0].strip()), Integer.parseInt(grid[1].strip()), overlap, whole);
        } catch (NumberFormatException e) {
            throw new BadInputException("tiling must be COLUMNSxROWS[,OVERLAP][,tiles-only] such as 2x2,0.2, got '" + text + "'");
        }
    }

    /**
     * The tiles of a {@code width x height} frame: all the same size (so the model compiles once for them), spread
     * evenly from edge to edge, row by row.
     */
    public List<Tile> tilesFor(int width, int height) {
        int tw = span(width, columns);
        int th = span(height, rows);
        List<Tile> tiles = new ArrayList<>(columns * rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                tiles.add(new Tile(start(width, tw, columns, c), start(height, th, rows, r), tw, th));
            }
        }
        return tiles;
    }

    /** Tile length such that {@code n} tiles overlapping by {@code overlap} cover {@code length}. */
    private int span(int length, int n) {
        return Math.min(length, (int) Math.ceil(length / (n - (n - 1) * overlap)));
    }

    private static int start(int length, int tile, int n, int i) {
        return n == 1 ? 0 : (int) Math.round((double) i * (length - tile) / (n - 1));
    }

    @Override
    public String toString() {
        return columns + "x" + rows + "," + overlap + (wholeFrame ? "" : ",tiles-only");
    }
}
