package dev.plinth.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Repeated timings of the variants of one figure. Variants are run interleaved (A B C, A B C, ...)
 * so that a noisy neighbour slows all of them alike; each figure is the median.
 */
final class Stats {
  private final Map<String, List<Double>> millis = new LinkedHashMap<>();
  private boolean collectFirst;

  /** Something timed: returns nothing, throws anything. */
  interface Timed {
    void run() throws Exception;
  }

  /**
   * These timings start each run from a collected heap ({@code System.gc()} before the clock
   * starts), so that a run does not pay for the garbage of the one before: for in-process javac,
   * whose compiles of a thousand records leave hundreds of MB each, and whose paired figures
   * otherwise swung with where the collections fell.
   */
  Stats collectingFirst() {
    collectFirst = true;
    return this;
  }

  /** Runs {@code body} and records its wall time under {@code variant}. */
  double time(String variant, Timed body) {
    if (collectFirst) {
      System.gc();
    }
    long start = System.nanoTime();
    try {
      body.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(variant + ": " + e, e);
    }
    double ms = (System.nanoTime() - start) / 1e6;
    add(variant, ms);
    return ms;
  }

  void add(String variant, double ms) {
    millis.computeIfAbsent(variant, v -> new ArrayList<>()).add(ms);
    System.out.printf(Locale.ROOT, "    %-40s %10.1f ms%n", variant, ms);
  }

  double median(String variant) {
    List<Double> values = millis.get(variant);
    if (values == null || values.isEmpty()) {
      throw new IllegalStateException("no timing for " + variant);
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The spread of a variant, for the report: min..max over the repetitions. */
  String range(String variant) {
    double[] values = millis.get(variant).stream().mapToDouble(Double::doubleValue).toArray();
    return String.format(Locale.ROOT, "%.0f..%.0f", Arrays.stream(values).min().orElse(0),
        Arrays.stream(values).max().orElse(0));
  }

  int count(String variant) {
    return millis.get(variant).size();
  }

  /**
   * The ratios of {@code variant} to {@code baseline} within each repetition (the k-th timing of
   * each, run back to back), for the report: median, min..max and count.
   */
  String paired(String variant, String baseline) {
    return summary("paired ratios", perRepetition(i -> at(variant, i) / at(baseline, i), variant, baseline), "×");
  }

  /**
   * Within each repetition, what {@code variant} adds over {@code floor} divided by what
   * {@code baseline} adds over it, for the report: median, min..max and count.
   */
  String pairedAdded(String variant, String baseline, String floor) {
    return summary("paired ratios of the added cost", perRepetition(
        i -> (at(variant, i) - at(floor, i)) / (at(baseline, i) - at(floor, i)), variant, baseline, floor), "×");
  }

  /** Within each repetition, {@code variant} less {@code baseline}: median, min..max and count, in ms. */
  String pairedDifference(String variant, String baseline) {
    return summary("paired differences", perRepetition(i -> at(variant, i) - at(baseline, i), variant, baseline),
        " ms");
  }

  private double at(String variant, int repetition) {
    return millis.get(variant).get(repetition);
  }

  /** {@code value} of each repetition that all of {@code variants} ran, sorted. */
  private double[] perRepetition(java.util.function.IntToDoubleFunction value, String... variants) {
    int n = Arrays.stream(variants).mapToInt(v -> millis.get(v).size()).min().orElse(0);
    return java.util.stream.IntStream.range(0, n).mapToDouble(value).sorted().toArray();
  }

  private static String summary(String what, double[] sorted, String unit) {
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return String.format(Locale.ROOT, "%s median %.2f%s, %.2f..%.2f (n=%d)", what, median, unit, sorted[0],
        sorted[n - 1], n);
  }

  double ratio(String variant, String baseline) {
    return median(variant) / median(baseline);
  }
}
