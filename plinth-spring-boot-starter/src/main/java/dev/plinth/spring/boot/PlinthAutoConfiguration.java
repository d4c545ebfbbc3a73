package dev.plinth.spring.boot;

import dev.plinth.runner.Plinth;
import dev.plinth.runner.RunnerConfig;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Migrates the application's {@link DataSource} with Plinth at start-up, in place of Spring Boot's
 * Flyway auto-configuration (which steps aside while this one is active), and defines a
 * {@link Plinth} bean for rollback, verify and info from application code.
 *
 * <p>Active when the application has a single {@code DataSource} (or a primary one) and
 * {@code plinth.enabled} is not {@code false}; see {@link PlinthProperties}. An application's own
 * {@code Plinth} bean replaces the one defined here; {@link PlinthConfigurationCustomizer} beans
 * adjust the runner's configuration.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration", // Boot 4
    "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration"}) // Boot 3
@ConditionalOnClass({Plinth.class, DataSource.class})
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBooleanProperty(name = PlinthAutoConfiguration.ENABLED_PROPERTY, matchIfMissing = true)
@EnableConfigurationProperties(PlinthProperties.class)
public class PlinthAutoConfiguration {

  /** The property that turns the starter off, and Spring Boot's Flyway support back on. */
  public static final String ENABLED_PROPERTY = "plinth.enabled";

  @Bean
  @ConditionalOnMissingBean
  public Plinth plinth(DataSource dataSource, PlinthProperties properties, ResourceLoader resourceLoader,
      ObjectProvider<PlinthConfigurationCustomizer> customizers) {
    RunnerConfig.Builder config = RunnerConfig.builder()
        .locations(properties.locations())
        .connectTimeout(properties.connectTimeout())
        .classLoader(resourceLoader.getClassLoader());
    customizers.orderedStream().forEach(customizer -> customizer.customize(config));
    return Plinth.create(dataSource, config.build());
  }

  @Bean
  @ConditionalOnMissingBean
  public PlinthMigrationInitializer plinthMigrationInitializer(Plinth plinth, PlinthProperties properties) {
    return new PlinthMigrationInitializer(plinth, properties);
  }

  /**
   * Creates beans that use the database (JPA, jOOQ, {@code JdbcTemplate}, beans marked
   * {@code @DependsOnDatabaseInitialization}) after the migration; Boot's {@code spring-boot-sql}
   * holds that mechanism (part of {@code spring-boot} before Boot 4).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = DependencyOrdering.CONFIGURER)
  @Import(DatabaseInitializationDependencyConfigurer.class)
  static class DependencyOrdering {
    static final String CONFIGURER =
        "org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer";
  }
}
