package dev.plinth.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run, printed as the Markdown table that docs/BENCHMARKS.md shows. */
final class Report {
  /** One figure: a ratio (or a value) against a target, with the medians it came from. */
  record Row(String section, String figure, String value, String target, String verdict, String detail) {}

  private final List<Row> rows = new ArrayList<>();

  /** A ratio {@code value}; met when it is at most {@code max} (no target when max is NaN). */
  void ratioAtMost(String section, String figure, double value, double max, String detail) {
    add(section, figure, String.format(Locale.ROOT, "%.2f×", value),
        Double.isNaN(max) ? "—" : String.format(Locale.ROOT, "≤ %.2f×", max),
        Double.isNaN(max) ? "report" : value <= max ? "met" : "MISSED", detail);
  }

  /** A speed-up {@code value} (baseline / ours); met when it is at least {@code min}. */
  void speedupAtLeast(String section, String figure, double value, double min, String detail) {
    add(section, figure, String.format(Locale.ROOT, "%.1f× faster", value),
        String.format(Locale.ROOT, "≥ %.0f× faster", min), value >= min ? "met" : "MISSED", detail);
  }

  /** An absolute value with an absolute limit (unit in the strings). */
  void absolute(String section, String figure, double value, double max, String unit, String detail) {
    add(section, figure, String.format(Locale.ROOT, "%.1f %s", value, unit),
        Double.isNaN(max) ? "—" : String.format(Locale.ROOT, "≤ %.0f %s", max, unit),
        Double.isNaN(max) ? "report" : value <= max ? "met" : "MISSED", detail);
  }

  void add(String section, String figure, String value, String target, String verdict, String detail) {
    Row row = new Row(section, figure, value, target, verdict, detail);
    rows.add(row);
    System.out.println("  => " + figure + ": " + value + " (target " + target + ", " + verdict + ") " + detail);
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| # | figure | value | target | verdict | medians (ms) |\n");
    out.append("| --- | --- | --- | --- | --- | --- |\n");
    for (Row r : rows) {
      out.append("| ").append(r.section()).append(" | ").append(r.figure()).append(" | ")
          .append(r.value()).append(" | ").append(r.target()).append(" | ").append(r.verdict())
          .append(" | ").append(r.detail()).append(" |\n");
    }
    return out.toString();
  }
}
