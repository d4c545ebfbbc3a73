package dev.plinth.runner;

import java.util.List;

/**
 * What {@link Plinth#validate()} found: applied migrations against their files, reverse scripts,
 * and the integrity sum.
 *
 * @param appliedCount how many applied migrations were compared with their files
 * @param sumChecked whether a {@code plinth.sum} was found and checked
 * @param problems in file order; empty when everything is valid
 * @param notes things worth knowing that are not problems (hand-written migrations without reverse)
 */
public record ValidateResult(int appliedCount, boolean sumChecked, List<Finding> problems, List<Finding> notes) {

  public ValidateResult {
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  public boolean valid() {
    return problems.isEmpty();
  }

  /**
   * One finding.
   *
   * @param id the message id, e.g. {@code PLN661}
   * @param file the file it is about, relative to the migrations folder ({@code migration/V2__x.sql})
   * @param text what is wrong and what to do
   */
  public record Finding(String id, String file, String text) {}
}
