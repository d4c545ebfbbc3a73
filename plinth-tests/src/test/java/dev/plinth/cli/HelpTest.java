package dev.plinth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.testing.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command list of {@code plinth --help}: one complete sentence per command. */
class HelpTest {
  @TempDir
  Path workingDirectory;

  @Test
  void everyCommandSummaryIsACompleteSentence() {
    Cli.Result help = Cli.run(Map.of(), workingDirectory, "--help");

    assertEquals(0, help.exitCode(), help::toString);
    String commands = help.out().substring(help.out().indexOf("Commands:"));
    List<String> summaries = new ArrayList<>();
    for (String line : commands.lines().skip(1).takeWhile(l -> !l.isBlank()).toList()) {
      if (line.matches("  \\S.*")) {
        summaries.add(line.strip());
      } else {
        int last = summaries.size() - 1;
        summaries.set(last, summaries.get(last) + " " + line.strip());
      }
    }
    assertEquals(17, summaries.size(), "seventeen commands: " + summaries);
    for (String line : summaries) {
      assertTrue(line.endsWith("."), "a summary that stops mid-sentence: " + line);
    }
  }
}
