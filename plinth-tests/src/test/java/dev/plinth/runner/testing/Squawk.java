package dev.plinth.runner.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The squawk PostgreSQL migration linter, as plinth-tests' build installs it (pinned, with npm,
 * into {@code target/squawk}).
 */
public final class Squawk {
  private static final Path BINARY = Path.of("target", "squawk", "node_modules", ".bin", "squawk");

  private Squawk() {}

  /** One finding: the rule that fired, in which file, on which line (0-based, as squawk counts). */
  public record Finding(String rule, Path file, int line) {}

  /**
   * Lints {@code files} (all of one kind) for PostgreSQL {@code postgres}; with
   * {@code inTransaction}, as scripts that the migration tool runs in a transaction.
   */
  public static List<Finding> lint(List<Path> files, boolean inTransaction, int postgres)
      throws IOException, InterruptedException {
    if (files.isEmpty()) {
      return List.of();
    }
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(BINARY.toAbsolutePath() + " is missing: build plinth-tests with"
          + " Maven, whose generate-test-resources phase installs squawk-cli with npm.");
    }
    List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--reporter=json",
        "--pg-version=" + postgres + ".0", inTransaction ? "--assume-in-transaction" : "--no-assume-in-transaction"));
    files.forEach(f -> command.add(f.toString()));
    Path output = Files.createTempFile("squawk", ".json");
    Process process = new ProcessBuilder(command).redirectErrorStream(false)
        .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("squawk did not finish in 5 minutes: " + command);
    }
    String json = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    // Exit code 1 means findings; anything else without a JSON report is a failure to run.
    if (process.exitValue() > 1 || !json.trim().startsWith("[")) {
      throw new IllegalStateException("squawk failed (exit " + process.exitValue() + "): " + json);
    }
    List<Finding> findings = new ArrayList<>();
    for (JsonNode node : new ObjectMapper().readTree(json)) {
      findings.add(new Finding(node.get("rule_name").asText(), Path.of(node.get("file").asText()),
          node.get("line").asInt()));
    }
    return findings;
  }
}
