package dev.plinth.runner.internal.catalog;

import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.StandaloneSequence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The declared sequences ({@code @Sequence}) and extensions ({@code @Extension}) of a live
 * database, compared with the expected ones: a declared sequence that is missing, or whose type,
 * options, owner or comment differ, and a declared extension that is not installed, are drift.
 * Sequences and extensions that are not declared are not compared here.
 */
public final class SequenceCatalog {
  /** The sequences that are not an identity column's, with their owner column when one owns them. */
  private static final String SEQUENCES = """
      SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin,
             s.seqmax, s.seqcache, s.seqcycle, obj_description(c.oid, 'pg_class'),
             (SELECT oc.relname || '.' || a.attname FROM pg_depend d
                JOIN pg_class oc ON oc.oid = d.refobjid
                JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a'
                AND d.refobjsubid > 0 LIMIT 1)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_sequence s ON s.seqrelid = c.oid
      WHERE c.relkind = 'S' AND %s
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.deptype = 'i')
      ORDER BY 1, 2
      """;

  private SequenceCatalog() {}

  /** The live sequences that are not an identity column's, by name; the comparison's declaredBy is "". */
  public static Map<QualifiedName, StandaloneSequence> read(Connection connection) throws SQLException {
    Map<QualifiedName, StandaloneSequence> result = new TreeMap<>();
    try (PreparedStatement st = connection.prepareStatement(SEQUENCES.formatted(CatalogReader.SYSTEM_SCHEMAS));
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        QualifiedName name = new QualifiedName(rs.getString(1), rs.getString(2));
        Sequence options = new Sequence(null, rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
            rs.getLong(8), rs.getBoolean(9));
        result.put(name, new StandaloneSequence(name, rs.getString(3), options, rs.getString(11),
            rs.getString(10), "", null));
      }
    }
    return result;
  }

  /** The installed extensions' names. */
  public static Set<String> extensions(Connection connection) throws SQLException {
    Set<String> result = new TreeSet<>();
    try (PreparedStatement st = connection.prepareStatement("SELECT extname FROM pg_extension");
        ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        result.add(rs.getString(1));
      }
    }
    return result;
  }

  /** How the live sequences and extensions differ from the declared ones. */
  public static List<Difference> compare(List<StandaloneSequence> expected, Map<QualifiedName, StandaloneSequence> live,
      List<Extension> expectedExtensions, Set<String> liveExtensions) {
    List<Difference> out = new ArrayList<>();
    for (StandaloneSequence want : expected) {
      String name = want.name().toString();
      StandaloneSequence have = live.get(want.name());
      if (have == null) {
        out.add(Difference.missing("sequence", name, "declared by " + want.declaredBy()));
        continue;
      }
      if (!want.type().equals(have.type())) {
        out.add(Difference.different("sequence", name, "type", want.type(), have.type()));
      }
      if (!want.options().equals(have.options())) {
        out.add(Difference.different("sequence", name, "options", text(want), text(have)));
      }
      if (!Objects.equals(want.ownedBy(), have.ownedBy())) {
        out.add(Difference.different("sequence", name, "owned by", want.ownedBy(), have.ownedBy()));
      }
      if (!Objects.equals(want.comment(), have.comment())) {
        out.add(Difference.different("sequence", name, "comment", want.comment(), have.comment()));
      }
    }
    for (Extension extension : expectedExtensions) {
      if (!liveExtensions.contains(extension.name())) {
        out.add(Difference.missing("extension", extension.name(), "declared by " + extension.declaredBy()));
      }
    }
    return out;
  }

  /** A sequence's options as text: those that are not PostgreSQL's defaults for its type. */
  private static String text(StandaloneSequence sequence) {
    Sequence.Effective values = sequence.options().effective(sequence.type());
    return "start " + values.start() + ", increment " + values.increment() + ", min " + values.minValue()
        + ", max " + values.maxValue() + ", cache " + values.cache() + (values.cycle() ? ", cycle" : "");
  }
}
