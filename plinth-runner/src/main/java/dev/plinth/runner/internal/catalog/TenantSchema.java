package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.EnumType;
import dev.plinth.schema.model.Function;
import dev.plinth.schema.model.Namespace;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.model.Trigger;
import dev.plinth.schema.render.Sql;
import java.util.List;

/**
 * The model as it lives in one tenant's schema: what the migrations put in the default schema
 * ({@code public}) is in the tenant's, since a runner working in a schema sets the
 * {@code search_path} to it (migrations written with {@code plinth.tenantSchemas} leave the default
 * schema out of names). Other schemas stay where they are.
 */
public final class TenantSchema {
  private TenantSchema() {}

  /** {@code model} with the default schema's tables and enum types moved to {@code tenant}. */
  public static Schema of(Schema model, String tenant) {
    return new Schema(
        model.tables().stream().map(t -> table(t, tenant)).toList(),
        model.enums().stream().map(e -> e.withName(name(e.name(), tenant))).toList(), List.of(),
        List.<Namespace>of(), model.functions().stream().map(f -> new Function(name(f.name(), tenant), f.javaClass(), f.arguments(),
            f.returns(), f.language(), f.body(), f.grants())).toList(),
        model.triggers().stream().map(t -> new Trigger(t.name(), name(t.table(), tenant), name(t.function(), tenant),
            t.timing(), t.events(), t.forEach(), t.when(), t.javaClass())).toList(),
        model.roles());
  }

  private static Table table(Table table, String tenant) {
    return table.withName(name(table.name(), tenant))
        .withColumns(table.columns().stream().map(c -> column(c, tenant)).toList())
        .withForeignKeys(table.foreignKeys().stream().map(k -> k.withTarget(name(k.target(), tenant))).toList());
  }

  /** An enum column's type names its schema: {@code "public"."tier"} becomes {@code "acme"."tier"}. */
  private static Column column(Column column, String tenant) {
    if (column.enumType() == null) {
      return column;
    }
    QualifiedName type = name(column.enumType(), tenant);
    String array = column.type().endsWith("[]") ? "[]" : "";
    return new Column(column.name(), Sql.ident(type) + array, type, column.nullable(), column.defaultSql(),
        column.identity(), column.comment(), column.renamedFrom(), null, null, column.collation(), column.generated());
  }

  private static QualifiedName name(QualifiedName name, String tenant) {
    return name.schema().equals(QualifiedName.DEFAULT_SCHEMA) ? new QualifiedName(tenant, name.name()) : name;
  }
}
