package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.model.CheckConstraint;
import dev.plinth.schema.model.Domain;
import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.StandaloneSequence;
import dev.plinth.schema.pull.Unsupported;
import dev.plinth.schema.pull.Unsupported.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * For {@code pull}: the domains, sequences of their own and extensions of a live database that
 * {@code @Domain}, {@code @Sequence} and {@code @Extension} can declare, so that the baseline
 * creates them (extensions, then domains and sequences, before the tables). The others stay in
 * the hand-written migration pull writes after the baseline, each reported with its reason: a
 * domain with a check that is not valid yet, or that uses a function, type, relation or collation
 * of the database that is not an extension's (the baseline creates those after domains); a
 * sequence that is unlogged, or owned by a column of a table of another schema; an extension that
 * requires one created after it (declared extensions are created in name order).
 *
 * @param domains the domains (declared by {@code ""}: pull places them)
 * @param sequences the sequences that are not part of a column (identity or serial)
 * @param extensions every installed extension but {@code plpgsql}, with the extensions each requires, by name
 * @param undeclarable the domains and sequences that stay in the hand-written migration, with why
 */
public record SchemaObjectPull(List<Domain> domains, List<StandaloneSequence> sequences,
    Map<Extension, List<String>> extensions, List<Unsupported> undeclarable) {

  /** The extension PostgreSQL has in every database. */
  private static final String BUILT_IN = "plpgsql";

  /**
   * Each domain (not an extension's) with the name of a check that is not valid yet, and an
   * object of the database it uses that the baseline would create after it, if any.
   */
  private static final String DOMAIN_BLOCKERS = """
      SELECT n.nspname, t.typname,
             (SELECT min(co.conname) FROM pg_constraint co
              WHERE co.contypid = t.oid AND co.contype = 'c' AND NOT co.convalidated),
             (SELECT min(pg_describe_object(d.refclassid, d.refobjid, d.refobjsubid))
              FROM pg_depend d, LATERAL pg_identify_object(d.refclassid, d.refobjid, 0) o
              WHERE ((d.classid = 'pg_type'::regclass AND d.objid = t.oid)
                     OR (d.classid = 'pg_constraint'::regclass
                         AND d.objid IN (SELECT co.oid FROM pg_constraint co WHERE co.contypid = t.oid)))
                AND d.deptype = 'n' AND d.refclassid <> 'pg_namespace'::regclass
                AND NOT (d.refclassid = 'pg_type'::regclass AND d.refobjid = t.oid)
                AND o.schema IS NOT NULL AND o.schema NOT IN ('pg_catalog', 'information_schema')
                AND o.schema NOT LIKE 'pg\\_%%'
                AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = d.refclassid
                                AND e.objid = d.refobjid AND e.deptype = 'e'))
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE t.typtype = 'd' AND %s AND %s
      ORDER BY 1, 2
      """;

  /** The sequences that are not part of a column, with their owner and whether they are unlogged. */
  private static final String SEQUENCES = """
      SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin,
             s.seqmax, s.seqcache, s.seqcycle, obj_description(c.oid, 'pg_class'), c.relpersistence = 'u',
             own.nspname, own.relname, own.attname, own.relkind
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
      LEFT JOIN LATERAL (
        SELECT owner_n.nspname, oc.relname, a.attname, oc.relkind FROM pg_depend d
        JOIN pg_class oc ON oc.oid = d.refobjid JOIN pg_namespace owner_n ON owner_n.oid = oc.relnamespace
        JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
          AND d.deptype = 'a' AND d.refobjsubid > 0 LIMIT 1) own ON true
      WHERE c.relkind = 'S' AND %s AND %s AND %s
      ORDER BY 1, 2
      """;

  /**
   * The installed extensions: schema, version, whether that is the server's default version, and
   * the extensions that version requires.
   */
  private static final String EXTENSIONS = """
      SELECT e.extname, n.nspname, e.extversion, a.default_version IS NOT DISTINCT FROM e.extversion,
             coalesce((SELECT v.requires::text[] FROM pg_available_extension_versions v
                       WHERE v.name = e.extname AND v.version = e.extversion), '{}'::text[])
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
      LEFT JOIN pg_available_extensions a ON a.name = e.extname
      WHERE e.extname <> 'plpgsql'
      ORDER BY 1
      """;

  public SchemaObjectPull {
    domains = List.copyOf(domains);
    sequences = List.copyOf(sequences);
    TreeMap<Extension, List<String>> byName = new TreeMap<>(java.util.Comparator.comparing(Extension::name));
    byName.putAll(extensions);
    extensions = java.util.Collections.unmodifiableSortedMap(byName);
    undeclarable = List.copyOf(undeclarable);
  }

  public static SchemaObjectPull read(Connection connection) throws SQLException {
    List<Unsupported> undeclarable = new ArrayList<>();
    Map<QualifiedName, Domain> all = new TreeMap<>();
    DomainCatalog.read(connection, CatalogReader.SYSTEM_SCHEMAS).forEach(d -> all.put(d.name(), d));
    List<Domain> domains = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(DOMAIN_BLOCKERS.formatted(CatalogReader.SYSTEM_SCHEMAS,
        CatalogExtras.notInExtension("pg_type", "t.oid")));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
        String object = "type " + name;
        if (rs.getString(3) != null) {
          undeclarable.add(Reason.NOT_DECLARABLE.of(object, "a domain whose check " + rs.getString(3)
              + " is not valid yet (@Domain would create it validated)"));
        } else if (rs.getString(4) != null) {
          undeclarable.add(Reason.NOT_DECLARABLE.of(object, "a domain that uses " + rs.getString(4)
              + ", which the baseline creates after the domains"));
        } else if (all.containsKey(name)) {
          Domain read = all.get(name);
          domains.add(new Domain(name, "", read.baseType(), read.notNull(), read.defaultSql(),
              read.checks().stream().map(c -> new CheckConstraint(c.name(), c.expression())).toList(),
              read.collation(), read.comment(), null));
        }
      }
    }
    List<StandaloneSequence> sequences = new ArrayList<>();
    try (PreparedStatement st = connection.prepareStatement(SEQUENCES.formatted(CatalogReader.SYSTEM_SCHEMAS,
        CatalogExtras.notInExtension("pg_class", "c.oid"), CatalogExtras.STANDALONE_SEQUENCE));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
        String object = "sequence " + name;
        String ownerSchema = rs.getString(12);
        if (rs.getBoolean(11)) {
          undeclarable.add(Reason.NOT_DECLARABLE.of(object, "an unlogged sequence, which @Sequence cannot say"));
        } else if (ownerSchema != null && (!ownerSchema.equals(name.schema()) || !Set.of("r", "p")
            .contains(rs.getString(15)))) {
          undeclarable.add(Reason.NOT_DECLARABLE.of(object, "a sequence owned by column " + ownerSchema + "."
              + rs.getString(13) + "." + rs.getString(14) + ", which @Sequence(ownedBy) cannot name (it names a"
              + " column of a table of the sequence's schema)"));
        } else {
          Sequence options = new Sequence(null, rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
              rs.getLong(8), rs.getBoolean(9));
          String ownedBy = ownerSchema == null ? null : rs.getString(13) + "." + rs.getString(14);
          sequences.add(new StandaloneSequence(name, rs.getString(3), options, ownedBy, rs.getString(10), "", null));
        }
      }
    }
    Map<Extension, List<String>> extensions = new TreeMap<>(java.util.Comparator.comparing(Extension::name));
    try (PreparedStatement st = connection.prepareStatement(EXTENSIONS); ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        String schema = rs.getString(2).equals(QualifiedName.DEFAULT_SCHEMA) ? null : rs.getString(2);
        String version = rs.getBoolean(4) ? null : rs.getString(3);
        extensions.put(new Extension(rs.getString(1), schema, version, ""),
            Arrays.asList((String[]) rs.getArray(5).getArray()));
      }
    }
    return new SchemaObjectPull(domains, sequences, extensions, undeclarable);
  }

  /**
   * The extensions the records can declare, given those the columns need ({@code needed}, which the
   * baseline creates first): those whose every required extension is {@code plpgsql}, needed, or
   * declarable and earlier by name (declared extensions are created in name order).
   */
  public List<Extension> declarableExtensions(Set<String> needed) {
    List<Extension> result = new ArrayList<>();
    Set<String> created = new java.util.HashSet<>(needed);
    created.add(BUILT_IN);
    for (Map.Entry<Extension, List<String>> entry : extensions.entrySet()) {
      if (created.containsAll(entry.getValue())) {
        result.add(entry.getKey());
        created.add(entry.getKey().name());
      }
    }
    return result;
  }

  /** What of the extensions the records cannot declare, given those the columns need, and why. */
  public List<Unsupported> undeclarableExtensions(Set<String> needed) {
    List<String> declarable = declarableExtensions(needed).stream().map(Extension::name).toList();
    List<Unsupported> result = new ArrayList<>();
    for (Map.Entry<Extension, List<String>> entry : extensions.entrySet()) {
      String name = entry.getKey().name();
      if (!declarable.contains(name) && !needed.contains(name)) {
        List<String> later = entry.getValue().stream()
            .filter(r -> !declarable.contains(r) && !needed.contains(r) && !r.equals(BUILT_IN)).toList();
        result.add(Reason.NOT_DECLARABLE.of("extension " + name, "an extension that requires "
            + String.join(", ", later) + ", which the baseline would create after it (it creates declared"
            + " extensions in name order)"));
      }
    }
    return result;
  }
}
