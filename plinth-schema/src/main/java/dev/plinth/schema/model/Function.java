package dev.plinth.schema.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * A PostgreSQL function whose body Plinth keeps: compared, created and replaced by its normalized
 * body ({@link #normalize(String)}).
 *
 * @param javaClass the binary name of the type that declares it
 * @param arguments the argument list as between the parentheses, e.g. {@code a integer, b text};
 *     empty for none
 * @param returns the return type, e.g. {@code trigger}, {@code integer}, {@code SETOF text}
 * @param language {@code plpgsql}, {@code sql}, ...
 * @param body the body, {@linkplain #normalize(String) normalized}
 * @param grants who may execute it ({@code EXECUTE} grants, sorted by role), exactly; null for
 *     PostgreSQL's default, {@code EXECUTE} to {@code PUBLIC} (which a list of just that grant
 *     is taken for)
 */
@JsonPropertyOrder({"name", "javaClass", "arguments", "returns", "language", "body", "grants"})
public record Function(
    @JsonProperty("name") QualifiedName name,
    @JsonProperty("javaClass") String javaClass,
    @JsonProperty("arguments") String arguments,
    @JsonProperty("returns") String returns,
    @JsonProperty("language") String language,
    @JsonProperty("body") String body,
    @JsonProperty("grants") @JsonInclude(JsonInclude.Include.NON_NULL) List<Grant> grants) {
  /** Who may execute a function PostgreSQL creates: everyone. */
  public static final List<Grant> DEFAULT_ACL =
      List.of(new Grant(Role.PUBLIC, Grant.FUNCTION_PRIVILEGES));

  public Function {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaClass, "javaClass");
    arguments = arguments == null ? "" : spaces(arguments);
    returns = spaces(Objects.requireNonNull(returns, "returns"));
    language = Objects.requireNonNull(language, "language").strip();
    body = normalize(Objects.requireNonNull(body, "body"));
    grants = grants == null ? null : TableSecurity.sortedGrants(grants);
    grants = DEFAULT_ACL.equals(grants) ? null : grants;
  }

  /** A function with PostgreSQL's default privileges. */
  public Function(QualifiedName name, String javaClass, String arguments, String returns,
      String language, String body) {
    this(name, javaClass, arguments, returns, language, body, null);
  }

  /** This function with those grants (null for PostgreSQL's default). */
  public Function withGrants(List<Grant> newGrants) {
    return new Function(name, javaClass, arguments, returns, language, body, newGrants);
  }

  /** Who may execute it: the grants, or {@link #DEFAULT_ACL} when it has none declared. */
  public List<Grant> acl() {
    return grants == null ? DEFAULT_ACL : grants;
  }

  /**
   * Whether {@code CREATE OR REPLACE FUNCTION} can turn this function into {@code other}: the same
   * name, argument list and return type (PostgreSQL refuses to change those in place).
   */
  public boolean replaceableBy(Function other) {
    return name.equals(other.name) && arguments.equals(other.arguments) && returns.equals(other.returns);
  }

  /**
   * A body as compared: {@code \n} line endings, no trailing spaces on a line, no blank lines
   * before or after it. Indentation and the text itself are kept.
   */
  public static String normalize(String body) {
    String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      out.append(line.stripTrailing()).append('\n');
    }
    String text = out.toString();
    int start = 0;
    while (start < text.length() && text.charAt(start) == '\n') {
      start++;
    }
    return text.substring(start).stripTrailing();
  }

  /** Runs of white space as one space, none at either end. */
  private static String spaces(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }
}
