package dev.plinth.processor.validate;

import dev.plinth.processor.message.Message;
import dev.plinth.processor.read.TableDraft;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.Policy;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.TableSecurity;
import dev.plinth.schema.model.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Checks what spans records about row-level security: every role a policy or grant names is
 * declared once, and the tables read in this compilation have policies exactly when they have
 * row-level security (warnings, which {@code @Acknowledge} silences).
 */
public final class SecurityCheck {
  private final Report report;

  public SecurityCheck(Report report) {
    this.report = report;
  }

  /**
   * The schema with its declared roles, reporting roles declared twice and roles named but not
   * declared.
   *
   * @param declared the {@code @Role} declarations found, each with where it is
   * @param uses where the records read in this compilation name each role
   */
  public Schema withRoles(Schema schema, List<Map.Entry<Role, Origin>> declared,
      Map<String, List<Origin>> uses) {
    Map<String, Map.Entry<Role, Origin>> byName = new TreeMap<>();
    for (Map.Entry<Role, Origin> entry : declared) {
      Map.Entry<Role, Origin> first = byName.putIfAbsent(entry.getKey().name(), entry);
      if (first != null && !first.getKey().equals(entry.getKey())) {
        report.add(Message.ROLE_DECLARED_TWICE, entry.getValue(), entry.getKey().name(),
            first.getKey().declaredBy(), entry.getKey().declaredBy());
      }
    }
    BiConsumer<String, String> named = (role, what) -> {
      if (!role.equals(Role.PUBLIC) && !byName.containsKey(role)) {
        List<Origin> where = uses.getOrDefault(role, List.of());
        report.add(Message.ROLE_NOT_DECLARED, where.isEmpty() ? null : where.get(0), what, role,
            role);
        byName.put(role, null);
      }
    };
    for (Table table : schema.tables()) {
      for (Policy policy : table.access().policies()) {
        policy.roles().forEach(r -> named.accept(r, "@Policy '" + policy.name() + "' of " + table.name()));
      }
      for (Grant grant : table.access().grants()) {
        named.accept(grant.role(), "@Grant on " + table.name());
      }
    }
    for (View view : schema.views()) {
      for (Grant grant : view.grants()) {
        named.accept(grant.role(), "@Grant on " + view.name());
      }
    }
    for (Function function : schema.functions()) {
      for (Grant grant : function.grants() == null ? List.<Grant>of() : function.grants()) {
        named.accept(grant.role(), "@Grant on function " + function.name());
      }
    }
    List<Role> roles = new ArrayList<>();
    byName.values().stream().filter(e -> e != null).forEach(e -> roles.add(e.getKey()));
    return schema.withRoles(roles);
  }

  /** Warns about policies without row-level security, and row-level security without policy. */
  public void lint(List<TableDraft> drafts) {
    for (TableDraft draft : drafts) {
      TableSecurity security = draft.table().access();
      String table = draft.table().name().toString();
      if (!security.enabled() && !security.policies().isEmpty()) {
        warn(draft, Message.POLICY_WITHOUT_ROW_SECURITY, table,
            String.join(", ", security.policies().stream().map(Policy::name).toList()));
      } else if (security.enabled() && security.policies().isEmpty()) {
        warn(draft, Message.ROW_SECURITY_WITHOUT_POLICY, table);
      }
    }
  }

  private void warn(TableDraft draft, Message message, Object... args) {
    if (!draft.intent().acknowledges(null, message.id())) {
      report.add(message, draft.origin(), args);
    }
  }
}
