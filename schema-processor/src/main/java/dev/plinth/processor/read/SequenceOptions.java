package dev.plinth.processor.read;

import dev.plinth.processor.message.Message;
import dev.plinth.processor.validate.Report;
import dev.plinth.schema.model.Sequence;
import java.util.List;

/** The options of a sequence as an annotation writes them ({@code @Identity}, {@code @Sequence}). */
final class SequenceOptions {
  private SequenceOptions() {}

  /** The value of a {@code long} attribute when it is written, else null. */
  static Long written(Ann ann, String attribute) {
    return ann.isSet(attribute) ? ann.longValue(attribute) : null;
  }

  /** The options {@code ann} writes (the name left out). */
  static Sequence read(Ann ann) {
    return new Sequence(null, written(ann, "start"), written(ann, "increment"),
        written(ann, "minValue"), written(ann, "maxValue"), written(ann, "cache"),
        ann.isSet("cycle") ? ann.bool("cycle") : null);
  }

  /**
   * What PostgreSQL would refuse of a sequence's options, reported at the attribute with
   * {@code message} (whose arguments are the subject, the problem and its fix).
   */
  static void check(Report report, Ann ann, Message message, String subject, String sqlType,
      Sequence sequence) {
    long[] range = Sequence.range(sqlType);
    boolean valid = true;
    for (String attribute : List.of("start", "increment", "minValue", "maxValue", "cache")) {
      Long value = written(ann, attribute);
      if (value != null && (value < range[0] || value > range[1])) {
        report.add(message, ann.origin(attribute), subject,
            attribute + " = " + value + " is outside the range of its type " + sqlType + " ("
                + range[0] + " to " + range[1] + ")", "Write a value in that range.");
        valid = false;
      }
    }
    if (Long.valueOf(0).equals(sequence.increment())) {
      report.add(message, ann.origin("increment"), subject,
          "increment = 0 never advances", "Write a step above 0, or below 0 to count down.");
      return;
    }
    if (sequence.cache() != null && sequence.cache() < 1) {
      report.add(message, ann.origin("cache"), subject,
          "cache = " + sequence.cache() + " is less than 1", "Write cache = 1 or more.");
      return;
    }
    Sequence.Effective values = sequence.effective(sqlType);
    if (valid && values.minValue() >= values.maxValue()) {
      report.add(message, ann.origin(ann.isSet("minValue") ? "minValue"
          : "maxValue"), subject, "minValue " + values.minValue() + " is not less than maxValue "
          + values.maxValue(), "Write a minValue below the maxValue.");
    } else if (valid && (values.start() < values.minValue() || values.start() > values.maxValue())) {
      report.add(message, ann.origin(ann.isSet("start") ? "start"
          : ann.isSet("minValue") ? "minValue" : "maxValue"), subject,
          "start " + values.start() + " is outside minValue " + values.minValue() + " to maxValue "
              + values.maxValue(), "Write a start in that range.");
    }
  }
}
