package dev.plinth.processor.read;

import dev.plinth.processor.message.Message;
import dev.plinth.processor.validate.Origin;
import dev.plinth.processor.validate.Report;
import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.Policy;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.TableSecurity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @RowLevelSecurity}, {@code @Policy}, {@code @Grant} and {@code @Role}, checking
 * what one annotation or record can get wrong; what names a role is checked against the roles
 * declared anywhere by {@link dev.plinth.processor.validate.SecurityCheck}.
 */
public final class SecurityReader {
  private final Elements elements;
  private final Report report;
  /** Where each role is named, for the check that it is declared. */
  private final Map<String, List<Origin>> roleUses = new LinkedHashMap<>();

  public SecurityReader(Elements elements, Report report) {
    this.elements = elements;
    this.report = report;
  }

  /** Where each role is named by the records read so far, by role. */
  public Map<String, List<Origin>> roleUses() {
    return roleUses;
  }

  /** The row-level security, policies and grants a table record declares. */
  TableSecurity readTable(TypeElement record, QualifiedName table) {
    boolean enabled = Ann.find(record, "RowLevelSecurity", elements).isPresent();
    boolean forced = Ann.find(record, "RowLevelSecurity", elements).map(a -> a.bool("force"))
        .orElse(false);
    List<Policy> policies = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Ann policy : Ann.findAll(record, "Policy", elements)) {
      String name = policy.string("name").strip();
      if (name.isEmpty()) {
        report.add(Message.BLANK_VALUE, policy.origin("name"), "@Policy(name)",
            "Name the policy, such as @Policy(name = \"own_rows\", ...).");
        continue;
      }
      if (Names.bytes(name) > Names.MAX_BYTES) {
        report.add(Message.NAME_TOO_LONG, policy.origin("name"), name, Names.bytes(name),
            "@Policy(name = \"...\")");
      }
      if (!names.add(name)) {
        report.add(Message.DUPLICATE_POLICY, policy.origin("name"), name, table);
        continue;
      }
      String command = policy.constant("command");
      String using = blankToNull(policy.string("using"));
      String withCheck = blankToNull(policy.string("withCheck"));
      if (using == null && withCheck == null) {
        report.add(Message.POLICY_WITHOUT_EXPRESSION, policy.origin(), name);
        continue;
      }
      if (command.equals("INSERT") && using != null) {
        report.add(Message.POLICY_EXPRESSION_FOR_COMMAND, policy.origin("using"), name, command,
            "withCheck", "using");
        continue;
      }
      if ((command.equals("SELECT") || command.equals("DELETE")) && withCheck != null) {
        report.add(Message.POLICY_EXPRESSION_FOR_COMMAND, policy.origin("withCheck"), name, command,
            "using", "withCheck");
        continue;
      }
      List<String> roles = policy.strings("roles").stream().map(String::strip).toList();
      for (int i = 0; i < roles.size(); i++) {
        use(roles.get(i), policy.origin("roles", i));
      }
      policies.add(new Policy(name, command, policy.bool("permissive"), roles, using, withCheck,
          blankToNull(policy.string("renamedFrom"))));
    }
    return new TableSecurity(enabled, forced, policies, grants(record, true));
  }

  /**
   * The privileges a table ({@code onTable}) or view record grants, one {@code @Grant} per role
   * and object (the record, or a sequence of a table).
   */
  List<Grant> grants(TypeElement record, boolean onTable) {
    List<Grant> grants = new ArrayList<>();
    Set<String> roles = new HashSet<>();
    for (Ann grant : Ann.findAll(record, "Grant", elements)) {
      if (!grant.string("function").isBlank()) {
        // Read with the functions of the record (functionGrants); an error when it has none.
        if (Ann.findAll(record, "Function", elements).isEmpty()) {
          report.add(Message.GRANT_UNKNOWN_FUNCTION, grant.origin("function"),
              grant.string("to").strip(), grant.string("function").strip(),
              record.getSimpleName(), record.getSimpleName(), "it declares none");
        }
        continue;
      }
      String role = grant.string("to").strip();
      if (role.isEmpty()) {
        report.add(Message.BLANK_VALUE, grant.origin("to"), "@Grant(to)",
            "Name the role, such as @Grant(to = \"app_reader\", ...).");
        continue;
      }
      List<String> privileges = privilegesOf(grant);
      if (privileges.isEmpty()) {
        report.add(Message.GRANT_WITHOUT_PRIVILEGES, grant.origin("privileges"), role,
            record.getSimpleName());
        continue;
      }
      String named = grant.string("sequence").strip();
      String sequence = named.isEmpty() ? null : named;
      List<String> allowed = Grant.privilegesOn(sequence);
      String wrong = privileges.stream()
          .filter(p -> !allowed.contains(p) || sequence != null && !onTable)
          .collect(java.util.stream.Collectors.joining(", "));
      if (!wrong.isEmpty()) {
        report.add(Message.GRANT_PRIVILEGE_NOT_ON,
            grant.origin(sequence != null && !onTable ? "sequence" : "privileges"), role,
            record.getSimpleName(), wrong, sequence == null ? "the record" : "sequence " + sequence);
        continue;
      }
      String key = role.equalsIgnoreCase(Role.PUBLIC) ? Role.PUBLIC : role;
      if (!roles.add(key + "\0" + (sequence == null ? "" : sequence))) {
        report.add(Message.DUPLICATE_GRANT, grant.origin("to"), record.getSimpleName(), role);
        continue;
      }
      use(key, grant.origin("to"));
      grants.add(new Grant(key, privileges, sequence));
    }
    return grants;
  }

  /**
   * The {@code EXECUTE} grants of the functions {@code type} declares ({@code declared}, in the
   * order of its {@code @Function}s), from its {@code @Grant(function = ...)}s: by function, only
   * those with a grant. A function is named by its name or, when the type declares two of that
   * name, {@code schema.name}.
   */
  public Map<QualifiedName, List<Grant>> functionGrants(TypeElement type,
      List<QualifiedName> declared) {
    Map<QualifiedName, List<Grant>> grants = new LinkedHashMap<>();
    Set<String> roles = new HashSet<>();
    for (Ann grant : Ann.findAll(type, "Grant", elements)) {
      String written = grant.string("function").strip();
      if (written.isEmpty()) {
        continue; // on the table or view; read with its record
      }
      String role = grant.string("to").strip();
      if (role.isEmpty()) {
        report.add(Message.BLANK_VALUE, grant.origin("to"), "@Grant(to)",
            "Name the role, such as @Grant(to = \"app_reader\", ...).");
        continue;
      }
      String sequence = grant.string("sequence").strip();
      if (!sequence.isEmpty()) {
        report.add(Message.GRANT_FUNCTION_AND_SEQUENCE, grant.origin("sequence"), role,
            type.getSimpleName(), sequence, written);
        continue;
      }
      List<String> privileges = privilegesOf(grant);
      if (privileges.isEmpty()) {
        report.add(Message.GRANT_WITHOUT_PRIVILEGES, grant.origin("privileges"), role,
            type.getSimpleName());
        continue;
      }
      String wrong = privileges.stream().filter(p -> !Grant.FUNCTION_PRIVILEGES.contains(p))
          .collect(java.util.stream.Collectors.joining(", "));
      if (!wrong.isEmpty()) {
        report.add(Message.GRANT_PRIVILEGE_NOT_ON_FUNCTION, grant.origin("privileges"), role,
            written, type.getSimpleName(), wrong);
        continue;
      }
      List<QualifiedName> named = declared.stream()
          .filter(n -> n.name().equals(written) || n.toString().equals(written)).distinct()
          .toList();
      if (named.isEmpty()) {
        report.add(Message.GRANT_UNKNOWN_FUNCTION, grant.origin("function"), role, written,
            type.getSimpleName(), type.getSimpleName(), "it declares " + String.join(", ",
                declared.stream().map(QualifiedName::toString).toList()));
        continue;
      }
      if (named.size() > 1) {
        report.add(Message.GRANT_FUNCTION_AMBIGUOUS, grant.origin("function"), role, written,
            type.getSimpleName(), String.join(" and ", named.stream().map(QualifiedName::toString)
                .toList()), named.get(0));
        continue;
      }
      String key = role.equalsIgnoreCase(Role.PUBLIC) ? Role.PUBLIC : role;
      if (!roles.add(key + "\0" + named.get(0))) {
        report.add(Message.DUPLICATE_GRANT, grant.origin("to"), "function " + named.get(0), role);
        continue;
      }
      use(key, grant.origin("to"));
      grants.computeIfAbsent(named.get(0), n -> new ArrayList<>())
          .add(new Grant(key, privileges));
    }
    return grants;
  }

  /** The roles {@code element} (a record or a package) declares with {@code @Role}, with where. */
  public Map<Role, Origin> roles(Element element) {
    Map<Role, Origin> roles = new LinkedHashMap<>();
    String declaredBy = element instanceof PackageElement p ? p.getQualifiedName().toString()
        : elements.getBinaryName((TypeElement) element).toString();
    for (Ann role : Ann.findAll(element, "Role", elements)) {
      String name = role.string("value").strip();
      if (name.isEmpty()) {
        report.add(Message.BLANK_VALUE, role.origin("value"), "@Role",
            "Name the role, such as @Role(\"app_reader\").");
        continue;
      }
      if (Names.bytes(name) > Names.MAX_BYTES) {
        report.add(Message.NAME_TOO_LONG, role.origin("value"), name, Names.bytes(name),
            "@Role(\"...\")");
      }
      roles.put(new Role(name, role.bool("login"), declaredBy), role.origin("value"));
    }
    return roles;
  }

  private void use(String role, Origin origin) {
    if (!role.equals(Role.PUBLIC)) {
      roleUses.computeIfAbsent(role, r -> new ArrayList<>()).add(origin);
    }
  }

  private static String blankToNull(String text) {
    return text.isBlank() ? null : text.strip();
  }

  /** The constant names of a {@code @Grant}'s privileges, in the order written. */
  private static List<String> privilegesOf(Ann grant) {
    List<String> privileges = new ArrayList<>();
    for (AnnotationValue value : grant.list("privileges")) {
      privileges.add(((VariableElement) value.getValue()).getSimpleName().toString());
    }
    return privileges;
  }
}
