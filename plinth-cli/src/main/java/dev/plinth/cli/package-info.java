/**
 * The {@code plinth} command line (picocli): one class per verb, output through the command line's
 * writers, exit codes in {@link dev.plinth.cli.ExitCode}.
 */
package dev.plinth.cli;
