package dev.plinth.schema.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.model.QualifiedName;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes journal entries as JSON that diffs well: two-space indent, {@code \n} line
 * endings, properties in their pinned order, changes tagged by {@code "op"}.
 *
 * <p>The format is a public contract. Only what is named by {@link JsonProperty} is written or read
 * (nothing is detected from method or field names), every change kind has a literal
 * {@link JsonTypeName}, and a qualified name is the text {@code schema.name}. Reading is strict for
 * the known format: a key it does not define is an error that names the key.
 */
public final class JournalCodec {
  private static final ObjectMapper MAPPER = createMapper();

  private JournalCodec() {}

  private static ObjectMapper createMapper() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    JsonMapper mapper = JsonMapper.builder()
        .disable(MapperFeature.AUTO_DETECT_GETTERS, MapperFeature.AUTO_DETECT_IS_GETTERS,
            MapperFeature.AUTO_DETECT_FIELDS, MapperFeature.AUTO_DETECT_SETTERS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .defaultPrettyPrinter(new DefaultPrettyPrinter()
            .withObjectIndenter(indenter).withArrayIndenter(indenter))
        .addModule(new SimpleModule("plinth-journal")
            .addSerializer(QualifiedName.class, new QualifiedNameSerializer())
            .addDeserializer(QualifiedName.class, new QualifiedNameDeserializer()))
        .build();
    for (Class<?> type : Change.class.getPermittedSubclasses()) {
      mapper.registerSubtypes(new NamedType(type, typeId(type)));
    }
    return mapper;
  }

  /** The literal {@code "op"} of a change kind; a kind without one cannot be written. */
  static String typeId(Class<?> type) {
    JsonTypeName name = type.getAnnotation(JsonTypeName.class);
    if (name == null || name.value().isEmpty()) {
      throw new IllegalStateException(type.getName() + " has no @JsonTypeName: every change kind"
          + " needs a fixed \"op\" name in the journal");
    }
    return name.value();
  }

  public static String write(JournalEntry entry) {
    try {
      return MAPPER.writeValueAsString(entry) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize journal entry " + entry.version(), e);
    }
  }

  /** Parses an entry; throws {@link IllegalArgumentException} with a readable reason. */
  public static JournalEntry read(String json) {
    // One pass straight into the entry: what every compile reads. Anything it refuses is read
    // again the careful way below, so that the reason given is the same (the format first).
    try {
      JournalEntry entry = MAPPER.readValue(json, JournalEntry.class);
      if (entry != null && entry.format() == JournalEntry.FORMAT) {
        return entry;
      }
    } catch (JsonProcessingException | RuntimeException e) {
      // Read again below for the reason.
    }
    return readChecked(json);
  }

  private static JournalEntry readChecked(String json) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      if (tree == null || !tree.isObject()) {
        throw new IllegalArgumentException("a journal entry is a JSON object");
      }
      // The number first: another format may have keys that this one refuses.
      int format = tree.path("format").asInt(0);
      if (format != JournalEntry.FORMAT) {
        throw new IllegalArgumentException("format " + format + " is not supported by this"
            + " Plinth (it reads format " + JournalEntry.FORMAT + "); upgrade Plinth");
      }
      return MAPPER.treeToValue(tree, JournalEntry.class);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(unknownKey(e), e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** {@code unknown key "x" at changes[0].table (format 1 has: name, javaClass, ...)}. */
  static String unknownKey(UnrecognizedPropertyException e) {
    String at = path(e.getPath().subList(0, Math.max(0, e.getPath().size() - 1)));
    Collection<Object> known = e.getKnownPropertyIds();
    return "unknown key \"" + e.getPropertyName() + "\"" + (at.isEmpty() ? "" : " at " + at)
        + " (format " + JournalEntry.FORMAT + " has "
        + (known == null ? "no such key" : "only: " + known.stream().map(String::valueOf)
            .sorted().collect(Collectors.joining(", ")))
        + ")";
  }

  /** A JSON path such as {@code changes[3].table.columns[0]}. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference reference : references) {
      if (reference.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** A qualified name is written as the text {@code schema.name}. */
  private static final class QualifiedNameSerializer extends StdSerializer<QualifiedName> {
    QualifiedNameSerializer() {
      super(QualifiedName.class);
    }

    @Override
    public void serialize(QualifiedName name, JsonGenerator json, SerializerProvider provider)
        throws IOException {
      json.writeString(name.schema() + "." + name.name());
    }
  }

  /** Reads {@code schema.name}, or a bare {@code name} in {@code public}. */
  private static final class QualifiedNameDeserializer extends StdScalarDeserializer<QualifiedName> {
    QualifiedNameDeserializer() {
      super(QualifiedName.class);
    }

    @Override
    public QualifiedName deserialize(JsonParser json, DeserializationContext context)
        throws IOException {
      String text = context.readValue(json, String.class);
      int dot = text.indexOf('.');
      return dot < 0
          ? new QualifiedName(QualifiedName.DEFAULT_SCHEMA, text)
          : new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
    }
  }
}
