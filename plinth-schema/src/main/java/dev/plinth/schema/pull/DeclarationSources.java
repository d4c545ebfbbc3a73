package dev.plinth.schema.pull;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.SqlTypes;
import dev.plinth.schema.model.StandaloneSequence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema-wide declarations of pulled sources: {@code @Domain}, {@code @Sequence} and
 * {@code @Extension} lines, how a column names its domain ({@code @Column(type = ...)}), and which
 * declared sequences a column default takes values from.
 */
final class DeclarationSources {
  /** {@code nextval('name'::regclass)}, as PostgreSQL spells a default that takes a sequence's values. */
  private static final Pattern NEXTVAL = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");

  private DeclarationSources() {}

  /**
   * How {@code @Column(type = ...)} names the domain: {@code email_address} in {@code public},
   * {@code billing.amount} elsewhere; empty when the processor would not read that spelling back
   * as the domain (a dot or quote in a name, white space at its ends, a spelling of a built-in type).
   */
  static Optional<String> columnType(QualifiedName domain) {
    boolean inPublic = domain.schema().equals(QualifiedName.DEFAULT_SCHEMA);
    String written = inPublic ? domain.name() : domain.schema() + "." + domain.name();
    boolean readBack = !written.contains("\"") && written.strip().equals(written) && !written.endsWith("[]")
        && !written.isEmpty() && QualifiedName.parse(written).equals(domain)
        && SqlTypes.canonical(written).equals(written);
    return readBack ? Optional.of(written) : Optional.empty();
  }

  /** The {@code @Domain} line of {@code domain}. */
  static String domain(Domain domain, Set<String> imports) {
    imports.add(RecordSources.ANNOTATIONS + "Domain");
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("name", RecordSources.string(domain.name().name()));
    if (!domain.name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) {
      attributes.put("schema", RecordSources.string(domain.name().schema()));
    }
    attributes.put("type", RecordSources.string(domain.baseType()));
    if (domain.notNull()) {
      attributes.put("notNull", "true");
    }
    if (domain.defaultSql() != null) {
      attributes.put("defaultValue", RecordSources.string(domain.defaultSql()));
    }
    if (!domain.checks().isEmpty()) {
      imports.add(RecordSources.ANNOTATIONS + "Check");
      List<String> checks = new ArrayList<>();
      int unnamed = 0;
      // The processor names the checks written without a name <domain>_check, <domain>_check1, ...
      for (CheckConstraint check : domain.checks()) {
        String given = domain.name().name() + "_check" + (unnamed == 0 ? "" : String.valueOf(unnamed));
        if (check.name().equals(given)) {
          checks.add("@Check(" + RecordSources.string(check.expression()) + ")");
          unnamed++;
        } else {
          checks.add("@Check(name = " + RecordSources.string(check.name()) + ", value = "
              + RecordSources.string(check.expression()) + ")");
        }
      }
      attributes.put("checks", checks.size() == 1 ? checks.get(0) : "{" + String.join(", ", checks) + "}");
    }
    if (domain.collation() != null) {
      attributes.put("collation", RecordSources.string(domain.collation()));
    }
    if (domain.comment() != null) {
      attributes.put("comment", RecordSources.string(domain.comment()));
    }
    return RecordSources.annotation("Domain", attributes);
  }

  /** The {@code @Sequence} line of {@code sequence}: the options that are not PostgreSQL's defaults. */
  static String sequence(StandaloneSequence sequence, Set<String> imports) {
    imports.add(RecordSources.ANNOTATIONS + "Sequence");
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("name", RecordSources.string(sequence.name().name()));
    if (!sequence.name().schema().equals(QualifiedName.DEFAULT_SCHEMA)) {
      attributes.put("schema", RecordSources.string(sequence.name().schema()));
    }
    if (!sequence.type().equals("bigint")) {
      attributes.put("type", RecordSources.string(sequence.type()));
    }
    Sequence options = sequence.options();
    RecordSources.putLong(attributes, "start", options.start());
    RecordSources.putLong(attributes, "increment", options.increment());
    RecordSources.putLong(attributes, "minValue", options.minValue());
    RecordSources.putLong(attributes, "maxValue", options.maxValue());
    RecordSources.putLong(attributes, "cache", options.cache());
    if (options.cycle() != null) {
      attributes.put("cycle", options.cycle().toString());
    }
    if (sequence.ownedBy() != null) {
      attributes.put("ownedBy", RecordSources.string(sequence.ownedBy()));
    }
    if (sequence.comment() != null) {
      attributes.put("comment", RecordSources.string(sequence.comment()));
    }
    return RecordSources.annotation("Sequence", attributes);
  }

  /** The {@code @Extension} line of {@code extension}. */
  static String extension(Extension extension, Set<String> imports) {
    imports.add(RecordSources.ANNOTATIONS + "Extension");
    if (extension.schema() == null && extension.version() == null) {
      return "@Extension(" + RecordSources.string(extension.name()) + ")";
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("value", RecordSources.string(extension.name()));
    if (extension.schema() != null) {
      attributes.put("schema", RecordSources.string(extension.schema()));
    }
    if (extension.version() != null) {
      attributes.put("version", RecordSources.string(extension.version()));
    }
    return RecordSources.annotation("Extension", attributes);
  }

  /**
   * The sequences a column default takes values from ({@code nextval('order_no'::regclass)}), as
   * PostgreSQL spells them with {@code search_path} at {@code public}; empty when it names none,
   * or names one in another way (a {@code nextval} of an expression).
   */
  static Optional<List<QualifiedName>> sequencesOf(String defaultSql) {
    if (defaultSql == null) {
      return Optional.of(List.of());
    }
    List<QualifiedName> names = new ArrayList<>();
    Matcher matcher = NEXTVAL.matcher(defaultSql);
    int found = 0;
    while (matcher.find()) {
      found++;
      Optional<QualifiedName> name = regclass(matcher.group(1).replace("''", "'"));
      if (name.isEmpty()) {
        return Optional.empty();
      }
      names.add(name.get());
    }
    int calls = defaultSql.split("nextval\\(", -1).length - 1;
    return calls == found ? Optional.of(names) : Optional.empty();
  }

  /** A relation name as {@code regclass} prints it ({@code orders}, {@code "Order No"}, {@code billing.seq}). */
  static Optional<QualifiedName> regclass(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' && quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        part.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '.' && !quoted) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    if (quoted || parts.size() > 2 || parts.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    return Optional.of(parts.size() == 1 ? new QualifiedName(QualifiedName.DEFAULT_SCHEMA, parts.get(0))
        : new QualifiedName(parts.get(0), parts.get(1)));
  }
}
