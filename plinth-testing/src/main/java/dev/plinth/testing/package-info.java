/**
 * Test databases for JUnit 5: annotate a test class with {@link dev.plinth.testing.PlinthDatabase}
 * and take a {@link javax.sql.DataSource} parameter. Needs {@code junit-jupiter-api} on the test
 * class path (the dependency is {@code provided} here).
 */
package dev.plinth.testing;
