package dev.plinth.processor.read;

import dev.plinth.processor.message.Message;
import dev.plinth.processor.validate.Origin;
import dev.plinth.processor.validate.Report;
import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.SqlTypes;
import dev.plinth.schema.model.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @Domain} declarations, and gives the columns whose {@code @Column(type = ...)} names
 * a declared domain (or an array of one) the domain's quoted name as their type.
 */
public final class DomainReader {
  private final Elements elements;
  private final Report report;
  private final Map<QualifiedName, Origin> origins = new TreeMap<>();

  public DomainReader(Elements elements, Report report) {
    this.elements = elements;
    this.report = report;
  }

  /** The domains the types declare, by name; a problem is reported and the domain left out. */
  public List<Domain> domains(Collection<TypeElement> types) {
    Map<QualifiedName, Domain> byName = new TreeMap<>();
    Map<QualifiedName, TypeElement> declaredOn = new TreeMap<>();
    for (TypeElement type : types) {
      for (Ann ann : Ann.findAll(type, "Domain", elements)) {
        String schema = ann.string("schema").isBlank() ? QualifiedName.DEFAULT_SCHEMA : ann.string("schema").strip();
        QualifiedName name = new QualifiedName(schema, ann.string("name").strip());
        if (name.name().isEmpty()) {
          report.add(Message.DOMAIN_EMPTY, ann.origin("name"), name, "name");
          continue;
        }
        String baseType = ann.string("type").strip();
        if (baseType.isEmpty()) {
          report.add(Message.DOMAIN_EMPTY, ann.origin("type"), name, "type");
          continue;
        }
        if (byName.containsKey(name)) {
          report.add(Message.DUPLICATE_DOMAIN, ann.origin("name"), name,
              declaredOn.get(name).getQualifiedName(), type.getQualifiedName());
          continue;
        }
        List<CheckConstraint> checks = new ArrayList<>();
        Set<String> checkNames = new HashSet<>();
        List<Ann> written = ann.annotations("checks");
        int unnamed = 0;
        for (int i = 0; i < written.size(); i++) {
          Ann check = written.get(i);
          String checkName = check.string("name").strip();
          if (checkName.isEmpty()) {
            checkName = name.name() + "_check" + (unnamed == 0 ? "" : String.valueOf(unnamed));
            unnamed++;
          }
          if (!checkNames.add(checkName)) {
            report.add(Message.DOMAIN_DUPLICATE_CHECK, ann.origin("checks", i), name, checkName);
            continue;
          }
          checks.add(new CheckConstraint(checkName, check.string("value").strip()));
        }
        byName.put(name, new Domain(name, elements.getBinaryName(type).toString(),
            SqlTypes.canonical(baseType), ann.bool("notNull"), blankToNull(ann.string("defaultValue")),
            checks, blankToNull(ann.string("collation")), blankToNull(ann.string("comment")),
            blankToNull(ann.string("renamedFrom"))));
        declaredOn.put(name, type);
        origins.put(name, ann.origin("type"));
      }
    }
    return List.copyOf(byName.values());
  }

  /** Where each domain {@link #domains} read is declared (its {@code type} attribute). */
  public Map<QualifiedName, Origin> origins() {
    return Map.copyOf(origins);
  }

  /**
   * {@code schema} with its domains, and each column whose type names one of them
   * ({@code email_address}, {@code billing.amount}, {@code email_address[]}) typed by its quoted
   * name.
   */
  public static Schema withDomains(Schema schema, List<Domain> domains) {
    Schema result = schema.withDomains(domains);
    if (domains.isEmpty()) {
      return result;
    }
    List<Table> tables = new ArrayList<>();
    for (Table table : result.tables()) {
      tables.add(table.withColumns(table.columns().stream().map(c -> typed(c, result)).toList()));
    }
    return result.withTables(tables);
  }

  /** Whether {@code column}, as read from its record (its type as written) or resolved, is of {@code domain} or an array of it. */
  public static boolean uses(Column column, Domain domain) {
    return domain.isTypeOf(typed(column, Schema.EMPTY.withDomains(List.of(domain))).type());
  }

  private static Column typed(Column column, Schema schema) {
    String type = column.type();
    if (column.enumType() != null || type.contains("\"")) {
      return column;
    }
    String element = type.strip();
    boolean array = false;
    while (element.endsWith("[]")) {
      array = true;
      element = element.substring(0, element.length() - 2).strip();
    }
    String suffix = array ? "[]" : "";
    return schema.domain(QualifiedName.parse(element))
        .map(d -> column.withType(d.columnType() + suffix, null))
        .orElse(column);
  }

  private static String blankToNull(String text) {
    return text.isBlank() ? null : text.strip();
  }
}
