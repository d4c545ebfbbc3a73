package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.journal.ExternalObjects;
import dev.plinth.schema.model.Column;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Schema;
import dev.plinth.schema.model.Table;
import dev.plinth.schema.pull.DeclaredObjects;
import dev.plinth.schema.pull.NotModelled;
import dev.plinth.schema.pull.Unsupported;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * For {@code pull}: the hand-written migration that recreates, from PostgreSQL's own definitions,
 * what the database has and the records cannot say (the objects {@link CatalogExtras} reports), in
 * an order in which each object's dependencies come first (what the records declare left out):
 * extensions, domains, sequences,
 * functions, constraints and indexes, materialized views, triggers, rules,
 * view and table options. Objects that still cannot be recreated are listed in it as comments.
 */
public final class NotModelledCatalog {
  private static final String USER = CatalogReader.SYSTEM_SCHEMAS;

  /**
   * Placeholders: {@code {user}} user schemas, {@code {class}}/{@code {type}}/{@code {proc}} not a
   * member of an extension, {@code {sequence}} a sequence that is not part of an identity or serial
   * column, {@code {unmodelled:<name>}} the constraint or index {@code <name>} of table {@code c} is
   * not one of the records' (the baseline creates those: they are left out before their definitions
   * are spelled, which for a large schema costs about a third of reading its catalog). Each query
   * gives rows of: the finding's object, a word of its reason (or null), what it is, the statement
   * that creates it, the one that drops it, the {@code plinth.external} entry (kind, name), and the
   * table and columns it needs from the baseline (or null).
   */
  private static final List<String> QUERIES = List.of("""
      SELECT 'extension ' || e.extname, NULL, 'an extension the records do not declare (see pull''s report)',
             format('CREATE EXTENSION IF NOT EXISTS %I WITH SCHEMA %I;', e.extname, n.nspname),
             format('DROP EXTENSION IF EXISTS %I;', e.extname), 'extension', e.extname, NULL, NULL, NULL
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
      WHERE e.extname <> 'plpgsql' ORDER BY e.extname
      """, """
      SELECT 'type ' || n.nspname || '.' || t.typname, NULL,
             'a domain the records do not declare (see pull''s report; they give its columns its base type)',
             format('CREATE DOMAIN %I.%I AS %s', n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod))
               || coalesce(' DEFAULT ' || t.typdefault, '') || CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END
               || coalesce((SELECT string_agg(format(' CONSTRAINT %I %s', co.conname, pg_get_constraintdef(co.oid)),
                                              '' ORDER BY co.conname)
                            FROM pg_constraint co WHERE co.contypid = t.oid AND co.contype = 'c'), '') || ';',
             format('DROP DOMAIN IF EXISTS %I.%I;', n.nspname, t.typname), 'domain', n.nspname || '.' || t.typname,
             NULL, NULL, NULL
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'd' AND {user} AND {type} ORDER BY t.oid
      """, """
      SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname, 'domain',
             format('its type is the domain %I.%I%s; the records give it the base type', dn.nspname, dt.typname, f.brackets),
             format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE %I.%I%s;', n.nspname, c.relname, a.attname, dn.nspname,
                    dt.typname, f.brackets),
             format('ALTER TABLE %I.%I ALTER COLUMN %I TYPE %s%s;', n.nspname, c.relname, a.attname,
                    format_type(dt.typbasetype, dt.typtypmod), f.brackets), NULL, NULL, n.nspname, c.relname,
             ARRAY[a.attname::text]
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_type dt ON dt.typtype = 'd'
        AND dt.oid = CASE WHEN t.typtype = 'd' THEN t.oid WHEN t.typcategory = 'A' THEN t.typelem END
      JOIN pg_namespace dn ON dn.oid = dt.typnamespace,
      LATERAL (VALUES (CASE WHEN t.typtype = 'd' THEN '' ELSE '[]' END)) AS f(brackets)
      WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND {user}
      ORDER BY n.nspname, c.relname, a.attnum
      """, """
      SELECT 'enum type ' || n.nspname || '.' || t.typname, NULL,
             'an enum type the records cannot declare (pull''s report says why)',
             format('CREATE TYPE %I.%I AS ENUM (%s);', n.nspname, t.typname,
                    (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                     FROM pg_enum e WHERE e.enumtypid = t.oid)),
             format('DROP TYPE IF EXISTS %I.%I;', n.nspname, t.typname), 'type', n.nspname || '.' || t.typname,
             NULL, NULL, NULL
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'e' AND {user} AND {type} ORDER BY t.oid
      """, """
      SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname, NULL,
             'a column of an enum type the records cannot declare',
             format('ALTER TABLE %I.%I ADD COLUMN %I %s%s%s;', n.nspname, c.relname, a.attname,
                    format_type(a.atttypid, a.atttypmod),
                    (SELECT ' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d
                     WHERE d.adrelid = c.oid AND d.adnum = a.attnum),
                    CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END),
             format('ALTER TABLE %I.%I DROP COLUMN IF EXISTS %I;', n.nspname, c.relname, a.attname),
             'column', n.nspname || '.' || c.relname || '.' || a.attname, n.nspname, c.relname, NULL
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_type et ON et.typtype = 'e' AND et.oid = CASE WHEN t.typcategory = 'A' THEN t.typelem ELSE t.oid END
      WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND NOT c.relispartition AND {user}
      ORDER BY n.nspname, c.relname, a.attnum
      """, """
      SELECT 'sequence ' || n.nspname || '.' || c.relname, NULL,
             'a sequence of no identity or serial column that the records do not declare (see pull''s report)',
             format('CREATE %sSEQUENCE %I.%I AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s%s%s;',
                    CASE WHEN c.relpersistence = 'u' THEN 'UNLOGGED ' ELSE '' END,
                    n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin, s.seqmax,
                    s.seqstart, s.seqcache, CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END,
                    (SELECT format(' OWNED BY %I.%I.%I', on_.nspname, oc.relname, oa.attname) FROM pg_depend od
                     JOIN pg_class oc ON oc.oid = od.refobjid JOIN pg_namespace on_ ON on_.oid = oc.relnamespace
                     JOIN pg_attribute oa ON oa.attrelid = od.refobjid AND oa.attnum = od.refobjsubid
                     WHERE od.classid = 'pg_class'::regclass AND od.objid = c.oid
                       AND od.refclassid = 'pg_class'::regclass AND od.deptype = 'a' AND od.refobjsubid > 0 LIMIT 1)),
             format('DROP SEQUENCE IF EXISTS %I.%I;', n.nspname, c.relname), 'sequence', n.nspname || '.' || c.relname,
             NULL, NULL, NULL
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
      WHERE {user} AND {class} AND {sequence} ORDER BY n.nspname, c.relname
      """, """
      SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname, 'sequence',
             'its default takes values from a sequence the records do not declare',
             format('ALTER TABLE %I.%I ALTER COLUMN %I SET DEFAULT %s;', n.nspname, c.relname, a.attname,
                    pg_get_expr(d.adbin, d.adrelid)),
             format('ALTER TABLE %I.%I ALTER COLUMN %I DROP DEFAULT;', n.nspname, c.relname, a.attname),
             'column-default', n.nspname || '.' || c.relname || '.' || a.attname, n.nspname, c.relname,
             ARRAY[a.attname::text]
      FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
      JOIN pg_class c ON c.oid = d.adrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND a.attgenerated = '' AND pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend sd JOIN pg_class sc ON sc.oid = sd.objid
                        WHERE sd.classid = 'pg_class'::regclass AND sd.refobjid = c.oid AND sd.refobjsubid = a.attnum
                          AND sd.deptype = 'a'
                          AND pg_get_expr(d.adbin, d.adrelid) = format('nextval(%L::regclass)', sc.oid::regclass))
        AND {user}
      ORDER BY n.nspname, c.relname, a.attnum
      """, """
      SELECT 'function ' || n.nspname || '.' || p.oid::regprocedure::text, NULL,
             CASE p.prokind WHEN 'p' THEN 'a procedure' ELSE 'a function' END || ' the records do not declare (pull''s report says why)',
             rtrim(pg_get_functiondef(p.oid), E'\\n') || ';',
             format('DROP ROUTINE IF EXISTS %I.%I(%s);', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),
             CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
             n.nspname || '.' || p.oid::regprocedure::text, NULL, NULL, NULL
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE p.prokind IN ('f', 'p') AND {user} AND {proc} ORDER BY p.oid
      """, """
      SELECT 'table ' || n.nspname || '.' || c.relname, co.conname,
             format('constraint %I, ', co.conname) || CASE co.contype WHEN 'x' THEN 'an exclusion constraint, which Plinth does not model'
               ELSE 'which the records leave out (see pull''s report)' END,
             format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s;', n.nspname, c.relname, co.conname,
                    pg_get_constraintdef(co.oid)),
             format('ALTER TABLE %I.%I DROP CONSTRAINT IF EXISTS %I;', n.nspname, c.relname, co.conname),
             'constraint', n.nspname || '.' || c.relname || '.' || co.conname, n.nspname, c.relname,
             ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = ANY (co.conkey))
      FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE co.contype IN ('p', 'u', 'x', 'c', 'f') AND c.relkind IN ('r', 'p') AND c.relname <> ? AND NOT c.relispartition AND {user}
        AND {unmodelled:co.conname}
      ORDER BY co.contype = 'f', n.nspname, c.relname, co.conname
      """, """
      SELECT 'table ' || n.nspname || '.' || c.relname, ic.relname,
             format('index %I, which the records leave out (see pull''s report)', ic.relname),
             pg_get_indexdef(i.indexrelid) || ';', format('DROP INDEX IF EXISTS %I.%I;', n.nspname, ic.relname),
             'index', n.nspname || '.' || ic.relname, n.nspname, c.relname,
             ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = ANY (i.indkey))
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND c.relname <> ? AND NOT c.relispartition AND {user}
        AND {unmodelled:ic.relname}
        AND NOT EXISTS (SELECT 1 FROM pg_constraint co WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))
      ORDER BY n.nspname, ic.relname
      """, """
      SELECT 'materialized view ' || n.nspname || '.' || c.relname, NULL, 'a materialized view the records do not declare (pull''s report says why)',
             format(E'CREATE MATERIALIZED VIEW %I.%I AS\\n%s\\nWITH %sDATA;', n.nspname, c.relname,
                    rtrim(pg_get_viewdef(c.oid), ';'), CASE WHEN c.relispopulated THEN '' ELSE 'NO ' END),
             format('DROP MATERIALIZED VIEW IF EXISTS %I.%I;', n.nspname, c.relname),
             'materialized-view', n.nspname || '.' || c.relname, NULL, NULL, NULL
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'm' AND {user} AND {class} ORDER BY c.oid
      """, """
      SELECT 'materialized view ' || n.nspname || '.' || c.relname, NULL, format('its index %I', ic.relname),
             pg_get_indexdef(i.indexrelid) || ';', format('DROP INDEX IF EXISTS %I.%I;', n.nspname, ic.relname),
             'index', n.nspname || '.' || ic.relname, NULL, NULL, NULL
      FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'm' AND {user} AND {class} ORDER BY n.nspname, ic.relname
      """, """
      SELECT 'trigger ' || n.nspname || '.' || c.relname || '.' || tg.tgname, NULL, 'a trigger the records do not declare (pull''s report says why)',
             pg_get_triggerdef(tg.oid) || ';', format('DROP TRIGGER IF EXISTS %I ON %I.%I;', tg.tgname, n.nspname,
             c.relname), 'trigger', n.nspname || '.' || c.relname || '.' || tg.tgname, NULL, NULL, NULL
      FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT tg.tgisinternal AND tg.tgparentid = 0 AND {user} ORDER BY n.nspname, c.relname, tg.tgname
      """, """
      SELECT 'rule ' || n.nspname || '.' || c.relname || '.' || r.rulename, NULL, 'a rule; Plinth does not model rules', pg_get_ruledef(r.oid),
             format('DROP RULE IF EXISTS %I ON %I.%I;', r.rulename, n.nspname, c.relname),
             'rule', n.nspname || '.' || c.relname || '.' || r.rulename, NULL, NULL, NULL
      FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE r.rulename <> '_RETURN' AND {user} ORDER BY n.nspname, c.relname, r.rulename
      """, """
      SELECT 'view ' || n.nspname || '.' || c.relname, 'options', 'options; the records write views without them',
             format('ALTER VIEW %I.%I SET (%s);', n.nspname, c.relname, array_to_string(c.reloptions, ', ')),
             format('ALTER VIEW %I.%I RESET (%s);', n.nspname, c.relname,
                    (SELECT string_agg(split_part(o, '=', 1), ', ') FROM unnest(c.reloptions) o)),
             'view-options', n.nspname || '.' || c.relname, NULL, NULL, NULL
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'v' AND {user} AND {class}
        AND EXISTS (SELECT 1 FROM unnest(c.reloptions) o WHERE split_part(o, '=', 1)
                    NOT IN ('security_barrier', 'check_option', 'security_invoker'))
      ORDER BY n.nspname, c.relname
      """, """
      SELECT CASE c.relkind WHEN 'v' THEN 'view ' ELSE 'materialized view ' END || n.nspname || '.' || c.relname,
             CASE c.relkind WHEN 'v' THEN 'comments' END, 'a comment; the records write it without comments',
             CASE WHEN d.objsubid = 0
               THEN format('COMMENT ON %s %I.%I IS %L;', CASE c.relkind WHEN 'v' THEN 'VIEW' ELSE 'MATERIALIZED VIEW' END,
                           n.nspname, c.relname, d.description)
               ELSE format('COMMENT ON COLUMN %I.%I.%I IS %L;', n.nspname, c.relname,
                           (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = d.objsubid),
                           d.description) END,
             NULL, 'comment', n.nspname || '.' || c.relname || CASE WHEN d.objsubid = 0 THEN '' ELSE
               '.' || (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum = d.objsubid) END,
             NULL, NULL, NULL
      FROM pg_description d JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('v', 'm') AND NOT (c.relkind = 'v' AND d.objsubid = 0) AND {user} AND {class}
      ORDER BY n.nspname, c.relname, d.objsubid
      """, """
      SELECT 'table ' || n.nspname || '.' || c.relname, f.marker, f.what, f.make, f.undo,
             'table-option', n.nspname || '.' || c.relname, NULL, NULL, NULL
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
      LATERAL (VALUES
          ('unlogged', 'unlogged; the records write tables logged', CASE WHEN c.relpersistence = 'u'
             THEN format('ALTER TABLE %I.%I SET UNLOGGED;', n.nspname, c.relname) END,
           format('ALTER TABLE %I.%I SET LOGGED;', n.nspname, c.relname)),
          ('storage parameters', 'storage parameters; the records write tables without them', CASE WHEN c.reloptions IS NOT NULL
             THEN format('ALTER TABLE %I.%I SET (%s);', n.nspname, c.relname, array_to_string(c.reloptions, ', ')) END,
           format('ALTER TABLE %I.%I RESET (%s);', n.nspname, c.relname,
                  (SELECT string_agg(split_part(o, '=', 1), ', ') FROM unnest(c.reloptions) o)))
      ) AS f(marker, what, make, undo)
      WHERE c.relkind IN ('r', 'p') AND f.make IS NOT NULL AND c.relname <> ? AND {user}
      ORDER BY n.nspname, c.relname, f.marker
      """);

  /** One object to recreate, as a query row gives it. */
  private record Piece(String object, String marker, String what, String create, String drop,
      ExternalObjects.Entry entry, QualifiedName table, List<String> columns) {

    /**
     * Whether the baseline creates the table and columns this needs (or {@code added} names them,
     * as {@code schema.table.column}: this migration adds them first), and not this object itself.
     */
    boolean fits(Schema pulled, Set<String> added) {
      if (entry != null && declared(pulled)) {
        return false; // the records declare it, and the baseline creates it
      }
      if (entry == null && "domain".equals(marker) && ofDeclaredDomain(pulled)) {
        return false; // the records give the column its domain
      }
      if (table == null) {
        return true;
      }
      Optional<Table> t = pulled.table(table);
      if (t.isEmpty()) {
        return false;
      }
      Set<String> names = new HashSet<>(t.get().columns().stream().map(Column::name).toList());
      columns.stream().filter(c -> added.contains(table + "." + c)).forEach(names::add);
      return names.containsAll(columns) && !modelled(t.get());
    }

    /** Whether the column this is about has a declared domain (or an array of one) as its type in the records. */
    private boolean ofDeclaredDomain(Schema pulled) {
      return pulled.table(table).flatMap(t -> t.column(columns.get(0)))
          .map(c -> pulled.domains().stream().anyMatch(d -> d.isTypeOf(c.type()))).orElse(false);
    }

    /**
     * A function, trigger, materialized view, domain, sequence, extension (or one the records'
     * columns need), column default, or index of a materialized view that the records declare.
     */
    private boolean declared(Schema pulled) {
      if (entry.kind().equals("index")) {
        return object.startsWith("materialized view ") && pulled.views().stream().anyMatch(v -> v.indexes()
            .stream().anyMatch(i -> (v.name().schema() + "." + i.name()).equals(entry.name())));
      }
      return DeclaredObjects.declares(pulled, entry.kind(), entry.name());
    }

    /** A constraint or index of that name is in the records (so the baseline creates it). */
    private boolean modelled(Table t) {
      if (entry == null || !Set.of("constraint", "index").contains(entry.kind())) {
        return false;
      }
      return names(t).anyMatch(marker::equals);
    }

    /** The names of a table's constraints and indexes. */
    static Stream<String> names(Table t) {
      return Stream.of(Stream.ofNullable(t.primaryKey()).map(k -> k.name()), t.uniques().stream().map(u -> u.name()),
              t.checks().stream().map(c -> c.name()), t.foreignKeys().stream().map(f -> f.name()),
              t.indexes().stream().map(i -> i.name()))
          .flatMap(s -> s);
    }

    boolean answers(Unsupported finding) {
      // A table's key or index is reported as its own object: "table public.t index t_idx".
      return finding.object().equals(object) && (marker == null || finding.reason().contains(marker))
          || marker != null && finding.object().startsWith(object + " ") && finding.object().endsWith(" " + marker);
    }
  }

  private static final Pattern UNMODELLED = Pattern.compile("\\{unmodelled:([a-z.]+)}");

  /**
   * The constraints and indexes of the records by table, as three arrays of equal length (schema,
   * table, name), which the queries leave out: {@link Piece#fits} would drop each of them.
   */
  private record Modelled(Array schemas, Array tables, Array names) {
    static final String NOT_IN = "(n.nspname::text, c.relname::text, %s::text) NOT IN"
        + " (SELECT * FROM unnest(?::text[], ?::text[], ?::text[]))";

    static Modelled of(Connection connection, Schema pulled) throws SQLException {
      List<String> schemas = new ArrayList<>();
      List<String> tables = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Table table : pulled.tables()) {
        Piece.names(table).filter(name -> name != null).forEach(name -> {
          schemas.add(table.name().schema());
          tables.add(table.name().name());
          names.add(name);
        });
      }
      return new Modelled(connection.createArrayOf("text", schemas.toArray()),
          connection.createArrayOf("text", tables.toArray()), connection.createArrayOf("text", names.toArray()));
    }

    void bind(PreparedStatement st, int first) throws SQLException {
      st.setArray(first, schemas);
      st.setArray(first + 1, tables);
      st.setArray(first + 2, names);
    }
  }

  private NotModelledCatalog() {}

  /**
   * The hand-written migration for what {@code pulled} (the schema of the records) leaves out of the
   * database, with {@code findings} that it does not recreate listed as comments; empty when
   * there is nothing to recreate.
   */
  public static Optional<NotModelled> read(Connection connection, String historyTable, Schema pulled,
      List<Unsupported> findings) throws SQLException {
    List<Piece> pieces = new ArrayList<>();
    Modelled modelled = Modelled.of(connection, pulled);
    try (Statement st = connection.createStatement()) {
      // Definitions are spelled as in the baseline, which runs with search_path public.
      st.execute("SET search_path = public");
      try {
        for (String query : QUERIES) {
          pieces.addAll(rows(connection, query, historyTable, modelled));
        }
      } finally {
        st.execute("RESET search_path");
      }
    }
    // Columns this migration adds back (of an enum type the records leave out): what needs them fits too.
    Set<String> added = pieces.stream().filter(p -> p.entry() != null && p.entry().kind().equals("column"))
        .filter(p -> p.fits(pulled, Set.of())).map(p -> p.entry().name()).collect(Collectors.toSet());
    List<Piece> kept = pieces.stream().filter(p -> p.fits(pulled, added)).toList();
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    List<Unsupported> left = findings.stream().filter(f -> !Unsupported.Reason.TYPE_WITHOUT_JAVA.gave(f))
        .filter(f -> kept.stream().noneMatch(p -> p.answers(f))).toList();
    return Optional.of(new NotModelled(forward(kept, left), reverse(kept),
        new ExternalObjects(kept.stream().map(Piece::entry).filter(e -> e != null).distinct().toList())));
  }

  private static List<Piece> rows(Connection connection, String query, String historyTable, Modelled modelled)
      throws SQLException {
    // Placeholders, not String.format: the queries spell statements with format()'s %I, %L and %s.
    String sql = query.replace("{user}", USER).replace("{class}", CatalogExtras.notInExtension("pg_class", "c.oid"))
        .replace("{type}", CatalogExtras.notInExtension("pg_type", "t.oid"))
        .replace("{proc}", CatalogExtras.notInExtension("pg_proc", "p.oid"))
        .replace("{sequence}", CatalogExtras.STANDALONE_SEQUENCE);
    Matcher unmodelled = UNMODELLED.matcher(sql);
    boolean filtered = unmodelled.find();
    if (filtered) {
      sql = unmodelled.replaceFirst(Matcher.quoteReplacement(Modelled.NOT_IN.formatted(unmodelled.group(1))));
    }
    List<Piece> pieces = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      int parameter = 1;
      if (sql.contains("<> ?")) { // the history table comes first in every query that leaves it out
        st.setString(parameter++, historyTable);
      }
      if (filtered) {
        modelled.bind(st, parameter);
      }
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          Array columns = rs.getArray(10);
          pieces.add(new Piece(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6) == null ? null : new ExternalObjects.Entry(rs.getString(6), rs.getString(7)),
              rs.getString(8) == null ? null : new QualifiedName(rs.getString(8), rs.getString(9)),
              columns == null ? List.of() : Arrays.asList((String[]) columns.getArray())));
        }
      }
    }
    return pieces;
  }

  private static String forward(List<Piece> pieces, List<Unsupported> left) {
    StringBuilder sql = new StringBuilder("""
        -- What this database has and Plinth does not model, written by `plinth pull` from PostgreSQL's own
        -- definitions. It is hand-written: Plinth never rewrites it, and verify does not report what
        -- plinth.external lists. Edit both together.
        """);
    for (Piece piece : pieces) {
      sql.append("\n-- ").append(piece.object()).append(": ").append(piece.what()).append(".\n")
          .append(piece.create()).append('\n');
    }
    if (!left.isEmpty()) {
      sql.append("\n-- Not recreated here (pull reported each; the records and the baseline have them as it says):\n");
      left.forEach(f -> sql.append("--   ").append(f.text().replace("\n", " ")).append('\n'));
    }
    return sql.toString();
  }

  private static String reverse(List<Piece> pieces) {
    StringBuilder sql = new StringBuilder("-- The reverse of the objects `plinth pull` recreated, newest first.\n");
    for (int i = pieces.size() - 1; i >= 0; i--) {
      if (pieces.get(i).drop() != null) {
        sql.append(pieces.get(i).drop()).append('\n');
      }
    }
    return sql.toString();
  }
}
