package dev.plinth.spring.boot;

import static dev.plinth.spring.boot.TestDatabases.tables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.plinth.runner.Plinth;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Whole Spring Boot applications: the starter registered through its {@code META-INF} files, next to
 * Boot's own DataSource (Hikari) and Flyway auto-configurations.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlinthSpringApplicationTest {

  private final PGSimpleDataSource db = TestDatabases.fresh();

  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}

  @Test
  void bootsFlywayStepsAsideAndPlinthMigrates() {
    try (ConfigurableApplicationContext context = start()) {
      assertEquals(1, context.getBeansOfType(Plinth.class).size());
      assertTrue(context.getBeansOfType(Flyway.class).isEmpty(), "Boot's Flyway bean");
      assertTrue(context.getBeanNamesForType(bootFlywayMigrationInitializer()).length == 0,
          "Boot's FlywayMigrationInitializer");
    }
    assertEquals(List.of("account", "flyway_schema_history"), tables(db));
  }

  @Test
  void withPlinthDisabledBootsFlywayMigratesAsBefore() {
    try (ConfigurableApplicationContext context = start("plinth.enabled=false",
        "spring.flyway.locations=classpath:boot-flyway/db/migration")) {
      assertTrue(context.getBeansOfType(Plinth.class).isEmpty());
      assertEquals(1, context.getBeansOfType(Flyway.class).size());
    }
    assertEquals(List.of("flyway_schema_history", "legacy"), tables(db));
  }

  @Test
  void wherePlinthsAutoConfigurationIsExcludedBootsFlywayStays() {
    try (ConfigurableApplicationContext context = start(
        "spring.autoconfigure.exclude=" + PlinthAutoConfiguration.class.getName(),
        "spring.flyway.locations=classpath:boot-flyway/db/migration")) {
      assertTrue(context.getBeansOfType(Plinth.class).isEmpty());
      assertEquals(1, context.getBeansOfType(Flyway.class).size());
    }
    assertEquals(List.of("flyway_schema_history", "legacy"), tables(db));
  }

  @Test
  void aStartUpStoppedByPlinthIsReportedWithItsMessage(CapturedOutput output) {
    assertThrows(RuntimeException.class, () -> start("plinth.locations=classpath:nowhere").close());

    String text = output.toString();
    assertTrue(text.contains("APPLICATION FAILED TO START"), text);
    assertTrue(text.contains("[PLN606] Migration location 'classpath:nowhere' does not exist."), text);
    assertTrue(text.contains("Check the plinth.* properties: here they stand for the runner's options named above"
        + " (plinth.locations for --locations, plinth.connect-timeout for --connect-timeout)."), text);
  }

  private ConfigurableApplicationContext start(String... properties) {
    return new SpringApplicationBuilder(App.class)
        .web(WebApplicationType.NONE)
        .properties("spring.datasource.url=" + TestDatabases.jdbcUrl(db.getDatabaseName()),
            "spring.datasource.username=postgres", "spring.main.banner-mode=off")
        .properties(properties)
        .run();
  }

  /** Boot 4 and Boot 3 keep it in different packages. */
  private static Class<?> bootFlywayMigrationInitializer() {
    for (String name : List.of("org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer",
        "org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer")) {
      try {
        return Class.forName(name);
      } catch (ClassNotFoundException e) {
        // the other version
      }
    }
    throw new AssertionError("Boot's Flyway support is not on the test class path");
  }
}
