/**
 * Plinth's runner as a library: build a {@link dev.plinth.runner.RunnerConfig}, create a
 * {@link dev.plinth.runner.Plinth}, and call its commands, which return result records
 * ({@link dev.plinth.runner.MigrateResult}, {@link dev.plinth.runner.InfoResult},
 * {@link dev.plinth.runner.PendingResult}) or throw a {@link dev.plinth.runner.PlinthException}
 * whose text comes from the {@link dev.plinth.runner.Message} catalogue.
 *
 * <p>Pipeline: {@code config} (where the database is) -> {@code embedded} (a local server when
 * none is configured) -> this package (Flyway, configured for generated migrations) -> {@code cli}.
 */
package dev.plinth.runner;
