package dev.plinth.schema.journal;

import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code plinth.external}, next to {@code plinth.sum}: the objects that hand-written migrations
 * create and Plinth does not model, so that {@code verify} treats them as declared, not as drift.
 * {@code pull} writes it for what it puts into its hand-written migration; people add their own.
 *
 * <pre>
 * # comment lines and blank lines are ignored
 * format 1
 * index public.thing_label_idx          (an index: schema.index)
 * constraint public.thing.thing_excl    (a constraint of a table: schema.table.constraint)
 * domain public.email                   (a domain: its columns are compared as its base type)
 * column-default public.room.number     (a column's default: schema.table.column)
 * table public.audit_log               (a table: not compared at all)
 * column public.room.search             (a column: schema.table.column, not compared)
 * view public.room_summary              (a view: not compared)
 * type public.mood                      (an enum type: not compared)
 * schema reporting                      (a schema: its declaration and comment are not compared)
 * function public.touch()               (any other kind, listed for people: verify does not read it)
 * </pre>
 *
 * <p>Format 1 is frozen: kinds are only ever added to {@link #KINDS}, never removed or changed in
 * meaning; another {@code format} line is refused by its number.
 *
 * @param entries the objects, in file order
 */
public record ExternalObjects(List<Entry> entries) {
  public static final String FILE = "plinth.external";
  public static final int FORMAT = 1;
  /**
   * The kinds of format 1; {@code table}, {@code column}, {@code view}, {@code type}, {@code schema},
   * {@code index}, {@code constraint}, {@code domain} and {@code column-default} are read by verify.
   */
  public static final Set<String> KINDS = Set.of("extension", "domain", "type", "sequence", "function",
      "procedure", "aggregate", "materialized-view", "trigger", "policy", "rule", "index", "constraint",
      "row-level-security", "view-options", "comment", "table-option", "column-default", "table",
      "column", "view", "schema");

  /** How many dot-separated parts the name of a kind has, for the kinds verify reads. */
  private static final java.util.Map<String, Integer> PARTS = java.util.Map.of("table", 2, "view", 2,
      "type", 2, "domain", 2, "index", 2, "column", 3, "constraint", 3, "column-default", 3, "schema", 1);

  public static final ExternalObjects NONE = new ExternalObjects(List.of());

  public ExternalObjects {
    entries = List.copyOf(entries);
  }

  /** One object: its kind and its name as the header of this class shows. */
  public record Entry(String kind, String name) {}

  /**
   * Reads the file's text.
   *
   * @throws IllegalArgumentException naming the line and saying how to fix it, when it is not
   *     format 1
   */
  public static ExternalObjects parse(String text) {
    List<Entry> entries = new ArrayList<>();
    boolean format = false;
    String[] lines = MigrationsFolder.lineFeeds(text).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+", 2);
      if (!format) {
        if (!words[0].equals("format") || words.length < 2) {
          throw new IllegalArgumentException("line " + (i + 1) + ": '" + line + "' comes before the"
              + " format line; the first line that is not blank or a # comment must be 'format " + FORMAT + "'");
        }
        if (!words[1].equals(String.valueOf(FORMAT))) {
          throw new IllegalArgumentException("line " + (i + 1) + ": format " + words[1] + " is not known (this"
              + " version of Plinth reads format " + FORMAT + ")");
        }
        format = true;
      } else if (words.length < 2 || !KINDS.contains(words[0])) {
        throw new IllegalArgumentException("line " + (i + 1) + ": '" + line + "' is not '<kind> <name>' with a kind"
            + " of " + String.join(", ", new TreeSet<>(KINDS)) + " (such as 'index public.users_email_idx')");
      } else {
        String name = words[1].strip();
        Integer parts = PARTS.get(words[0]);
        if (parts != null && (name.split("\\.", -1).length != parts
            || java.util.Arrays.stream(name.split("\\.", -1)).anyMatch(String::isEmpty))) {
          throw new IllegalArgumentException("line " + (i + 1) + ": '" + line + "': "
              + (words[0].matches("[aeiou].*") ? "an " : "a ") + words[0] + " is named " + FORMS.get(parts)
              + " (such as '" + words[0] + " " + EXAMPLES.get(words[0]) + "')");
        }
        entries.add(new Entry(words[0], name));
      }
    }
    return new ExternalObjects(entries);
  }

  /** The file's text: a header that says what it is, the format line, then one line per entry. */
  public String render() {
    StringBuilder text = new StringBuilder("""
        # Objects that hand-written migrations create and Plinth does not model: verify does not report them.
        # One per line, '<kind> <name>'; add your own. Verify reads 'index schema.index', 'constraint
        # schema.table.constraint', 'column-default schema.table.column' and 'domain schema.domain' (its
        # columns are compared as its base type); it does not compare the other kinds at all.
        format 1
        """);
    entries.forEach(e -> text.append(e.kind()).append(' ').append(e.name()).append('\n'));
    return text.toString();
  }

  private static final java.util.Map<Integer, String> FORMS = java.util.Map.of(1, "by its name alone",
      2, "schema.name", 3, "schema.table.name");
  private static final java.util.Map<String, String> EXAMPLES = java.util.Map.of("table", "public.audit_log",
      "view", "public.room_summary", "type", "public.mood", "domain", "public.email_address", "index",
      "public.room_name_idx", "column", "public.room.search", "constraint", "public.booking.booking_no_overlap",
      "column-default", "public.room.invoice_no", "schema", "reporting");

  /**
   * {@code schema} without what the entries of kinds {@code table}, {@code column}, {@code view},
   * {@code type} and {@code schema} name: what verify does not compare, on either side.
   */
  public Schema leaveOut(Schema schema) {
    if (entries.isEmpty()) {
      return schema;
    }
    Set<String> tables = names("table");
    Set<String> columns = names("column");
    Set<String> views = names("view");
    Set<String> types = names("type");
    Set<String> schemas = names("schema");
    Schema result = schema;
    for (Table table : schema.tables()) {
      if (tables.contains(table.name().toString())) {
        result = result.withoutTable(table.name());
      } else if (table.columns().stream().anyMatch(c -> columns.contains(constraintName(table.name(), c.name())))) {
        result = result.withTable(table.withColumns(table.columns().stream()
            .filter(c -> !columns.contains(constraintName(table.name(), c.name()))).toList()));
      }
    }
    for (View view : schema.views()) {
      if (views.contains(view.name().toString())) {
        result = result.withoutView(view.name());
      }
    }
    for (EnumType type : schema.enums()) {
      if (types.contains(type.name().toString())) {
        result = result.withoutEnum(type.name());
      }
    }
    for (Namespace declared : schema.schemas()) {
      if (schemas.contains(declared.name())) {
        result = result.withoutDeclared(declared.name());
      }
    }
    return result;
  }

  /** The names of the entries of {@code kind}, e.g. {@code public.thing_label_idx} for {@code index}. */
  public Set<String> names(String kind) {
    Set<String> names = new TreeSet<>();
    entries.stream().filter(e -> e.kind().equals(kind)).forEach(e -> names.add(e.name()));
    return names;
  }

  /** The declared domains, by schema and name. */
  public Set<QualifiedName> domains() {
    Set<QualifiedName> domains = new TreeSet<>();
    names("domain").forEach(name -> domains.add(QualifiedName.parse(name)));
    return domains;
  }

  /** {@code schema.table.name}, the way constraints and column defaults are named in the file. */
  public static String constraintName(QualifiedName table, String constraint) {
    return table.schema() + "." + table.name() + "." + constraint;
  }
}
