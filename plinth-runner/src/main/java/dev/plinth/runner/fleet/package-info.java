/**
 * Many databases at once: a {@link dev.plinth.runner.fleet.Fleet} runs the runner's commands on a
 * list of {@link dev.plinth.runner.fleet.FleetTarget}s (databases, or schemas of a database, one per
 * tenant) with bounded parallelism, a canary and waves, and reports each target in a
 * {@link dev.plinth.runner.fleet.FleetReport}. Targets come from a file or a query
 * ({@link dev.plinth.runner.fleet.FleetTargets}).
 */
package dev.plinth.runner.fleet;
