package dev.plinth.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plinth.runner.fleet.DriftGroup;
import dev.plinth.runner.fleet.FleetReport;
import dev.plinth.runner.fleet.FleetTarget;
import dev.plinth.runner.fleet.TargetResult;
import java.util.Locale;

/** The {@code --json} object of a fleet command (described in docs/JSON.md); keys in a fixed order. */
final class FleetJson {

  private FleetJson() {}

  static ObjectNode report(FleetReport report) {
    ObjectNode root = Json.object();
    root.put("command", report.command());
    root.put("targets", report.results().size());
    ObjectNode counts = root.putObject("counts");
    for (TargetResult.Status status : TargetResult.Status.values()) {
      counts.put(name(status), report.count(status));
    }
    root.put("parallel", report.parallel());
    ObjectNode limits = root.putObject("serverLimits");
    report.serverLimits().forEach(limits::put);
    root.put("totalMillis", report.totalMillis());
    root.put("stop", report.stop().map(FleetJson::name).orElse(null));
    ArrayNode results = root.putArray("results");
    report.results().forEach(r -> result(results.addObject(), r));
    if (report.command().equals("verify")) {
      ArrayNode groups = root.putArray("groups");
      report.driftGroups().forEach(g -> group(groups.addObject(), g));
    }
    return root;
  }

  private static void result(ObjectNode item, TargetResult r) {
    target(item, r.target());
    item.put("status", name(r.status()));
    Json.put(item, "versionBefore", r.versionBefore());
    Json.put(item, "versionAfter", r.versionAfter());
    item.put("changes", r.changes());
    item.put("millis", r.millis());
    if (r.info().isPresent()) {
      item.put("pending", r.pending());
    }
    if (r.verify().isPresent()) {
      ArrayNode differences = item.putArray("differences");
      r.verify().get().differences().forEach(d -> differences.add(d.text()));
    }
    if (r.error().isPresent()) {
      ObjectNode error = item.putObject("error");
      error.put("id", r.error().get().id());
      error.put("kind", r.error().get().kind().name());
      error.put("message", r.error().get().message());
    } else {
      item.putNull("error");
    }
  }

  private static void group(ObjectNode item, DriftGroup group) {
    Json.put(item, "version", group.version());
    ArrayNode differences = item.putArray("differences");
    group.differences().forEach(differences::add);
    ArrayNode targets = item.putArray("targets");
    group.targets().forEach(t -> targets.add(t.name()));
  }

  private static void target(ObjectNode item, FleetTarget target) {
    item.put("target", target.name());
    item.put("url", target.url().jdbcUrl());
    Json.put(item, "schema", target.schema());
  }

  /** {@code NOT_STARTED} to {@code not-started}. */
  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
