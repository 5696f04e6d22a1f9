package io.cityops.simulator.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into cells: a separator inside double quotes is text, {@code ""} inside
 * quotes is one quote, and the quotes around a cell are removed (Hub'Eau quotes every cell).
 */
final class CsvLine {
    private CsvLine() {}

    static List<String> split(String line, char separator) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
