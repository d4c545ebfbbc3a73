package dev.plinth.schema.render;

import static dev.plinth.schema.render.Sql.ident;
import static dev.plinth.schema.render.Sql.literal;

import dev.plinth.schema.diff.Change;
import dev.plinth.schema.model.QualifiedName;
import java.util.List;

/**
 * The SQL of declared extensions ({@code @Extension}). A creation leaves a mark (an empty table in
 * the migration's backup schema, as for the extensions that column types need); dropping one, when
 * its declaration goes or its creation is rolled back, happens only when a Plinth migration's mark
 * is there (the database did not have it before), and only while nothing uses it.
 */
final class ExtensionSql {
  private ExtensionSql() {}

  /** Creates the extension when it is missing; refuses, naming it, when the server does not offer it. */
  static List<String> create(Change.CreateExtension c, Backups backups) {
    String name = c.name();
    String create = "CREATE EXTENSION " + ident(name)
        + (c.declaration().schema() == null ? "" : " SCHEMA " + ident(c.declaration().schema()))
        + (c.declaration().version() == null ? "" : " VERSION " + literal(c.declaration().version())) + ";";
    String missing = "The extension " + name + " is not available on this PostgreSQL server.";
    String hint = "Install it on the server (for the extensions PostgreSQL ships, such as pg_trgm,"
        + " the postgresql-contrib package; for others, the extension's own package), or remove"
        + " @Extension(\"" + name + "\").";
    return List.of(Sql.doBlock(Sql.ifThen("NOT EXISTS (SELECT FROM pg_extension WHERE extname = "
        + literal(name) + ")", List.of(
            "IF NOT EXISTS (SELECT FROM pg_available_extensions WHERE name = " + literal(name) + ") THEN",
            "  RAISE EXCEPTION " + literal(missing) + " USING HINT = " + literal(hint) + ";",
            "END IF;",
            create,
            backups.createSchema(QualifiedName.DEFAULT_SCHEMA),
            "CREATE TABLE IF NOT EXISTS " + ident(backups.extensionMark(name)) + " ();"))));
  }

  /**
   * Drops the extension when a migration's mark of its creation is there, with every such mark;
   * an extension something still uses stays, with its marks.
   */
  static List<String> drop(Change.DropExtension c) {
    String name = c.name();
    String marks = "SELECT c.oid::regclass AS mark FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE n.nspname LIKE " + literal(Backups.SCHEMA_PREFIX.replace("_", "\\_") + "%")
        + " AND c.relname = " + literal(Backups.markName(name));
    return List.of("DO $plinth$\nDECLARE\n  found regclass;\nBEGIN\n"
        + "  IF EXISTS (" + marks + ") THEN\n"
        + "    BEGIN\n"
        + "      DROP EXTENSION " + ident(name) + ";\n"
        + "      FOR found IN " + marks + " LOOP\n"
        + "        EXECUTE 'DROP TABLE ' || found;\n"
        + "      END LOOP;\n"
        + "    EXCEPTION WHEN dependent_objects_still_exist THEN\n"
        + "      NULL;\n"
        + "    END;\n"
        + "  END IF;\n"
        + "END\n$plinth$;");
  }
}
