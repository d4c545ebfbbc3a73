package dev.plinth.runner.config;

import dev.plinth.runner.Message;
import dev.plinth.runner.PlinthException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file: {@code KEY=VALUE} lines, {@code #} comments, blank lines, an optional
 * {@code export } prefix, values optionally in single or double quotes, and a leading UTF-8 byte
 * order mark.
 */
public final class DotEnvFile {

  private DotEnvFile() {}

  /** The variables in {@code file}, or an empty map when it does not exist. */
  public static Map<String, String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new PlinthException(e, Message.DOTENV_UNREADABLE, file, "it is not UTF-8 text");
    } catch (IOException e) {
      throw new PlinthException(e, Message.DOTENV_UNREADABLE, file, e instanceof AccessDeniedException
          ? "permission denied for user '" + System.getProperty("user.name") + "'" : e.toString());
    }
    return parse(lines, file.toString());
  }

  static Map<String, String> parse(List<String> lines, String fileName) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1); // the byte order mark some Windows editors write
      }
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring("export ".length()).strip();
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? "" : line.substring(0, eq).strip();
      if (key.isEmpty() || !key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
        throw new PlinthException(Message.DOTENV_BAD_LINE, i + 1, fileName);
      }
      String value = line.substring(eq + 1).strip();
      if (!value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'')
          && value.indexOf(value.charAt(0), 1) < 0) {
        throw new PlinthException(Message.DOTENV_UNCLOSED_QUOTE, i + 1, fileName, key, value.charAt(0));
      }
      values.put(key, unquote(value));
    }
    return values;
  }

  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.indexOf(first, 1) > 0) {
        String inner = value.substring(1, value.indexOf(first, 1));
        return first == '"' ? inner.replace("\\n", "\n") : inner;
      }
    }
    int comment = value.indexOf(" #");
    return (comment < 0 ? value : value.substring(0, comment)).strip();
  }
}
