/**
 * Spring Boot auto-configuration for Plinth: the application's database is migrated at start-up,
 * {@code plinth.*} properties ({@link dev.plinth.spring.boot.PlinthProperties}), a
 * {@code dev.plinth.runner.Plinth} bean, and {@link dev.plinth.spring.boot.PlinthConfigurationCustomizer}
 * hooks.
 */
package dev.plinth.spring.boot;
