package dev.plinth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.cli.text.ResultText;
import dev.plinth.runner.Plinth;
import dev.plinth.runner.ValidateResult;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plinth validate}: applied migrations vs files, reverse scripts, {@code plinth.sum}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check applied migrations against their files, reverse scripts and plinth.sum.",
        "Checksums of applied migrations, reverse scripts present, files matching plinth.sum."
            + " Exit code 6 when something does not."})
final class ValidateCommand extends DatabaseCommand {

  @Override
  ExitCode run(Plinth plinth, Console console) {
    ValidateResult result = plinth.validate();
    if (database.json) {
      ObjectNode node = Json.object();
      node.put("valid", result.valid());
      node.put("appliedCount", result.appliedCount());
      node.put("sumChecked", result.sumChecked());
      findings(node.putArray("problems"), result.problems());
      findings(node.putArray("notes"), result.notes());
      console.out(Json.text(node));
    } else if (result.valid()) {
      ResultText.validated(result).forEach(console::out);
    } else {
      ResultText.validated(result).forEach(console::err);
    }
    return result.valid() ? ExitCode.OK : ExitCode.INTEGRITY;
  }

  private static void findings(ArrayNode array, List<ValidateResult.Finding> findings) {
    for (ValidateResult.Finding f : findings) {
      ObjectNode item = array.addObject();
      item.put("id", f.id());
      item.put("file", f.file());
      item.put("text", f.text());
    }
  }
}
