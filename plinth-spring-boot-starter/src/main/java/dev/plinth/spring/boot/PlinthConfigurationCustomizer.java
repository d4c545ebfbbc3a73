package dev.plinth.spring.boot;

import dev.plinth.runner.RunnerConfig;

/**
 * Changes the runner's configuration before the auto-configured {@code Plinth} bean is created,
 * after the {@code plinth.*} properties were applied. Define one or more as beans:
 *
 * <pre>{@code
 * @Bean
 * PlinthConfigurationCustomizer migrateUpToVersion3() {
 *   return config -> config.target("3");
 * }
 * }</pre>
 *
 * <p>Customizers run in {@link org.springframework.core.annotation.Order @Order}. They are not
 * called when the application defines its own {@code Plinth} bean.
 */
@FunctionalInterface
public interface PlinthConfigurationCustomizer {

  void customize(RunnerConfig.Builder config);
}
