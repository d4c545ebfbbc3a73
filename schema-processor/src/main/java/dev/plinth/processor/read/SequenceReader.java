package dev.plinth.processor.read;

import dev.plinth.processor.message.Message;
import dev.plinth.processor.validate.Origin;
import dev.plinth.processor.validate.Report;
import dev.plinth.schema.model.Extension;
import dev.plinth.schema.model.Names;
import dev.plinth.schema.model.QualifiedName;
import dev.plinth.schema.model.Sequence;
import dev.plinth.schema.model.StandaloneSequence;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads {@code @Sequence} and {@code @Extension} declarations, on a record or a package, checking
 * what can be checked of each alone (the owner column is checked against the whole schema later).
 */
public final class SequenceReader {
  /** The types a sequence can have, by the spellings {@code type} takes. */
  private static final Map<String, String> TYPES = Map.of("smallint", "smallint", "int2", "smallint",
      "integer", "integer", "int", "integer", "int4", "integer", "bigint", "bigint", "int8", "bigint");

  private final Elements elements;
  private final Report report;

  public SequenceReader(Elements elements, Report report) {
    this.elements = elements;
    this.report = report;
  }

  /** The sequences {@code element} (a record or a package) declares, with where. */
  public Map<StandaloneSequence, Origin> sequences(Element element) {
    Map<StandaloneSequence, Origin> result = new LinkedHashMap<>();
    for (Ann ann : Ann.findAll(element, "Sequence", elements)) {
      String name = ann.string("name").strip();
      if (name.isEmpty()) {
        report.add(Message.BLANK_VALUE, ann.origin("name"), "@Sequence(name)",
            "Name the sequence, such as @Sequence(name = \"order_no\").");
        continue;
      }
      checkLength(name, ann.origin("name"), "@Sequence(name = \"...\")");
      String schema = ann.string("schema").strip();
      schema = schema.isEmpty() ? QualifiedName.DEFAULT_SCHEMA : schema;
      checkLength(schema, ann.origin("schema"), "@Sequence(schema = \"...\")");
      String written = ann.string("type").strip();
      String type = TYPES.get(written.toLowerCase(java.util.Locale.ROOT));
      if (type == null) {
        report.add(Message.SEQUENCE_TYPE, ann.origin("type"), name, written);
        continue;
      }
      Sequence options = SequenceOptions.read(ann);
      SequenceOptions.check(report, ann, Message.SEQUENCE_OPTION, name, type, options);
      String ownedBy = blankToNull(ann.string("ownedBy"));
      if (ownedBy != null && (ownedBy.indexOf('.') <= 0 || ownedBy.indexOf('.') == ownedBy.length() - 1
          || ownedBy.indexOf('.') != ownedBy.lastIndexOf('.'))) {
        report.add(Message.SEQUENCE_OWNER, ann.origin("ownedBy"), name, ownedBy, schema);
        continue;
      }
      String renamedFrom = blankToNull(ann.string("renamedFrom"));
      result.put(new StandaloneSequence(new QualifiedName(schema, name), type, options, ownedBy,
          blankToNull(ann.string("comment")), declaredBy(element), renamedFrom), ann.origin("name"));
    }
    return result;
  }

  /** The extensions {@code element} (a record or a package) declares, with where. */
  public Map<Extension, Origin> extensions(Element element) {
    Map<Extension, Origin> result = new LinkedHashMap<>();
    for (Ann ann : Ann.findAll(element, "Extension", elements)) {
      String name = ann.string("value").strip();
      if (name.isEmpty()) {
        report.add(Message.BLANK_VALUE, ann.origin("value"), "@Extension",
            "Name the extension, such as @Extension(\"pg_trgm\").");
        continue;
      }
      result.put(new Extension(name, blankToNull(ann.string("schema")), blankToNull(ann.string("version")),
          declaredBy(element)), ann.origin("value"));
    }
    return result;
  }

  private String declaredBy(Element element) {
    return element instanceof PackageElement p ? p.getQualifiedName().toString()
        : elements.getBinaryName((TypeElement) element).toString();
  }

  private void checkLength(String name, Origin origin, String fix) {
    if (Names.bytes(name) > Names.MAX_BYTES) {
      report.add(Message.NAME_TOO_LONG, origin, name, Names.bytes(name), fix);
    }
  }

  private static String blankToNull(String text) {
    return text.isBlank() ? null : text.strip();
  }
}
