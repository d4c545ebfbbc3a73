package dev.plinth.schema.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import dev.plinth.schema.diff.Change;
import dev.plinth.schema.model.QualifiedName;

/**
 * Reads and writes journal entries as JSON that diffs well: two-space indent, {@code \n} line
 * endings, properties in declaration order, changes tagged by {@code "op"}.
 */
public final class JournalCodec {
  private static final ObjectMapper MAPPER = createMapper();

  private JournalCodec() {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
  private interface ChangeMixin {}

  private abstract static class QualifiedNameMixin {
    @JsonValue
    public abstract String toString();

    @JsonCreator
    static QualifiedName parse(String text) {
      return QualifiedName.parse(text);
    }
  }

  private static ObjectMapper createMapper() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.addMixIn(Change.class, ChangeMixin.class);
    mapper.addMixIn(QualifiedName.class, QualifiedNameMixin.class);
    for (Class<?> type : Change.class.getPermittedSubclasses()) {
      mapper.registerSubtypes(new NamedType(type, type.getSimpleName()));
    }
    mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    mapper.enable(SerializationFeature.INDENT_OUTPUT);
    mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    mapper.setDefaultPrettyPrinter(new DefaultPrettyPrinter()
        .withObjectIndenter(indenter).withArrayIndenter(indenter));
    return mapper;
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
    try {
      JournalEntry entry = MAPPER.readValue(json, JournalEntry.class);
      if (entry.format() != JournalEntry.FORMAT) {
        throw new IllegalArgumentException("format " + entry.format() + " is not supported by this"
            + " Plinth (it reads format " + JournalEntry.FORMAT + "); upgrade Plinth");
      }
      return entry;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }
}
