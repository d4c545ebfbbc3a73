/** The embedded PostgreSQL used when no database is configured. */
package dev.plinth.cli.embedded;
