/**
 * The runner one command works with, chosen the same way by the {@code plinth} command and the
 * Maven plugin: the configured database, else the embedded PostgreSQL.
 */
package dev.plinth.cli.session;
