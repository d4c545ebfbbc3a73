package dev.plinth.annotations;

/**
 * Whether rows written through a view must be rows the view shows ({@code WITH CHECK OPTION}),
 * and which views' conditions are checked.
 *
 * <pre>{@code
 * @View(sql = "SELECT id, email FROM users WHERE active", checkOption = CheckOption.CASCADED)
 * }</pre>
 */
public enum CheckOption {
  /** No check: an {@code INSERT} or {@code UPDATE} through the view may write rows it does not show. */
  NONE,
  /** {@code WITH LOCAL CHECK OPTION}: the view's own condition is checked. */
  LOCAL,
  /**
   * {@code WITH CASCADED CHECK OPTION}: the view's condition and those of the views it reads are
   * checked.
   */
  CASCADED
}
