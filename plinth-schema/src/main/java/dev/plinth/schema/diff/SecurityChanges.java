package dev.plinth.schema.diff;

import dev.plinth.schema.diff.Change.AlterColumn;
import dev.plinth.schema.diff.Change.AlterPolicy;
import dev.plinth.schema.diff.Change.ChangeGrant;
import dev.plinth.schema.diff.Change.CreatePolicy;
import dev.plinth.schema.diff.Change.CreateRole;
import dev.plinth.schema.diff.Change.DropColumn;
import dev.plinth.schema.diff.Change.DropPolicy;
import dev.plinth.schema.diff.Change.KeepRole;
import dev.plinth.schema.diff.Change.RebuildEnum;
import dev.plinth.schema.diff.Change.RenamePolicy;
import dev.plinth.schema.diff.Change.SetRowSecurity;
import dev.plinth.schema.model.Grant;
import dev.plinth.schema.model.Policy;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Role;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.TableSecurity;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The changes to row-level security, policies, grants and roles. Roles are created first and
 * kept (never dropped) last; policies and privileges that go are dropped before any type, table or
 * column changes, those that come are created after every table and column is there. A policy on
 * a table whose columns are retyped (also by rebuilding their enum type) or dropped is dropped
 * before and created again after (PostgreSQL refuses to retype a column a policy uses).
 */
final class SecurityChanges {
  private SecurityChanges() {}

  /** Renames the policies whose {@code renamedFrom} names one of {@code current}; the new schema. */
  static Schema renamePolicies(Schema current, Schema after, List<Change> renames) {
    for (Table table : after.tables()) {
      Optional<Table> old = current.table(table.name());
      if (old.isEmpty()) {
        continue;
      }
      for (Policy policy : table.access().policies()) {
        String from = policy.renamedFrom();
        if (from == null) {
          continue;
        }
        List<Policy> oldPolicies = current.table(table.name()).orElseThrow().access().policies();
        boolean renamable = oldPolicies.stream().noneMatch(p -> p.name().equals(policy.name()))
            && oldPolicies.stream().anyMatch(p -> p.name().equals(from))
            && table.access().policies().stream().noneMatch(p -> p.name().equals(from));
        if (renamable) {
          RenamePolicy rename = new RenamePolicy(table.name(), from, policy.name());
          renames.add(rename);
          current = rename.applyTo(current);
        }
      }
    }
    return current;
  }

  /**
   * The changes from {@code current} (renames applied) to {@code after}.
   *
   * @param columnChanges the column and enum type changes of the migration, whose tables' policies
   *     are dropped and created around them when they retype or drop a column
   * @param drop where changes that must run before tables and columns go
   * @param create where changes that must run after tables and columns come
   */
  static void diff(Schema current, Schema after, List<Change> columnChanges,
      Consumer<Change> createRole, Consumer<Change> drop, Consumer<Change> create,
      Consumer<Change> keepRole) {
    Map<String, Role> oldRoles = new TreeMap<>();
    current.roles().forEach(r -> oldRoles.put(r.name(), r));
    Map<String, Role> newRoles = new TreeMap<>();
    after.roles().forEach(r -> newRoles.put(r.name(), r));
    newRoles.values().stream().filter(r -> !r.equals(oldRoles.get(r.name())))
        .forEach(r -> createRole.accept(new CreateRole(r)));
    oldRoles.values().stream().filter(r -> !r.equals(newRoles.get(r.name())))
        .forEach(r -> keepRole.accept(new KeepRole(r)));

    Set<QualifiedName> reshaped = new HashSet<>();
    for (Change change : columnChanges) {
      if (change instanceof AlterColumn c && (c.reshapes() || GeneratedColumns.mayCopyPlain(current, c))) {
        reshaped.add(c.table());
      } else if (change instanceof DropColumn c) {
        reshaped.add(c.table());
      } else if (change instanceof RebuildEnum c) {
        current.tables().stream().filter(t -> t.columns().stream()
                .anyMatch(col -> c.before().name().equals(col.enumType())))
            .forEach(t -> reshaped.add(t.name()));
      } else if (change instanceof Change.AddEnumValue c) {
        // Its reverse takes the value away by rebuilding the type, which retypes the columns.
        current.tables().stream().filter(t -> t.columns().stream()
                .anyMatch(col -> c.before().name().equals(col.enumType())))
            .forEach(t -> reshaped.add(t.name()));
      }
    }
    for (Table old : current.tables()) {
      if (after.table(old.name()).isEmpty()) {
        table(old.name(), old.access(), TableSecurity.NONE, false, drop, create);
      }
    }
    for (Table table : after.tables()) {
      TableSecurity before = current.table(table.name()).map(Table::access)
          .orElse(TableSecurity.NONE);
      table(table.name(), before, table.access(), reshaped.contains(table.name()), drop, create);
    }
  }

  private static void table(QualifiedName name, TableSecurity before, TableSecurity after,
      boolean reshaped, Consumer<Change> drop, Consumer<Change> create) {
    Map<String, Policy> old = new TreeMap<>();
    before.policies().forEach(p -> old.put(p.name(), p));
    Map<String, Policy> now = new TreeMap<>();
    after.policies().forEach(p -> now.put(p.name(), p));
    for (Policy policy : old.values()) {
      Policy next = now.get(policy.name());
      if (next == null || reshaped || !same(policy, next) && !AlterPolicy.possible(policy, next)) {
        drop.accept(new DropPolicy(name, policy));
      }
    }
    for (Policy policy : now.values()) {
      Policy previous = old.get(policy.name());
      if (previous == null || reshaped || !same(previous, policy)
          && !AlterPolicy.possible(previous, policy)) {
        create.accept(new CreatePolicy(name, policy));
      } else if (!same(previous, policy)) {
        create.accept(new AlterPolicy(name, previous, policy));
      }
    }
    if (before.enabled() != after.enabled() || before.forced() != after.forced()) {
      Change set = new SetRowSecurity(name, List.of(before.enabled(), before.forced()),
          List.of(after.enabled(), after.forced()));
      (after.enabled() || after.forced() ? create : drop).accept(set);
    }
    grants(name, before.grants(), after.grants(), drop, create);
  }

  private static void grants(QualifiedName on, List<Grant> before, List<Grant> after,
      Consumer<Change> revoke, Consumer<Change> grant) {
    Map<List<String>, List<String>> old = new TreeMap<>(GRANT_KEY);
    before.forEach(g -> old.put(key(g), g.privileges()));
    Map<List<String>, List<String>> now = new TreeMap<>(GRANT_KEY);
    after.forEach(g -> now.put(key(g), g.privileges()));
    Set<List<String>> keys = new java.util.TreeSet<>(GRANT_KEY);
    keys.addAll(old.keySet());
    keys.addAll(now.keySet());
    for (List<String> key : keys) {
      List<String> from = old.getOrDefault(key, List.of());
      List<String> to = now.getOrDefault(key, List.of());
      if (!from.equals(to)) {
        (to.isEmpty() ? revoke : grant).accept(
            new ChangeGrant(on, key.get(0), from, to, key.get(1).isEmpty() ? null : key.get(1)));
      }
    }
  }

  /** Role, then sequence ({@code ""} for the table or view itself). */
  private static List<String> key(Grant g) {
    return List.of(g.role(), g.sequence() == null ? "" : g.sequence());
  }

  private static final java.util.Comparator<List<String>> GRANT_KEY =
      java.util.Comparator.<List<String>, String>comparing(k -> k.get(0))
          .thenComparing(k -> k.get(1));

  /** Same policy once the expressions are canonical. */
  static boolean same(Policy a, Policy b) {
    return canonical(a).equals(canonical(b));
  }

  static Policy canonical(Policy p) {
    return new Policy(p.name(), p.command(), p.permissive(), p.roles(),
        Canonical.expression(p.using()), Canonical.expression(p.withCheck()), null);
  }
}
