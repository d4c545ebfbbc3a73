package dev.plinth.spring.boot.internal;

import dev.plinth.spring.boot.PlinthAutoConfiguration;
import java.util.Arrays;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Takes Spring Boot's Flyway auto-configuration out of an application whose auto-configurations
 * include Plinth's, unless {@code plinth.enabled=false}: both would migrate the same database, Boot's
 * with Flyway's defaults (placeholders replaced, a transactional lock under which
 * {@code CREATE INDEX CONCURRENTLY} waits forever). Where Plinth's is not imported (test slices that
 * list their own auto-configurations, an exclusion), Boot's stays.
 */
public final class BootFlywayFilter implements AutoConfigurationImportFilter, EnvironmentAware {

  /** Boot 4 keeps it in {@code spring-boot-flyway}, Boot 3 in {@code spring-boot-autoconfigure}. */
  static final Set<String> BOOT_FLYWAY = Set.of(
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
      "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration");

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public boolean[] match(String[] autoConfigurations, AutoConfigurationMetadata metadata) {
    boolean replace = plinthEnabled()
        && Arrays.asList(autoConfigurations).contains(PlinthAutoConfiguration.class.getName());
    boolean[] matches = new boolean[autoConfigurations.length];
    for (int i = 0; i < autoConfigurations.length; i++) {
      // Earlier filters leave null where they removed a candidate.
      String name = autoConfigurations[i];
      matches[i] = !(replace && name != null && BOOT_FLYWAY.contains(name));
    }
    return matches;
  }

  private boolean plinthEnabled() {
    return environment == null
        || environment.getProperty(PlinthAutoConfiguration.ENABLED_PROPERTY, Boolean.class, Boolean.TRUE);
  }
}
