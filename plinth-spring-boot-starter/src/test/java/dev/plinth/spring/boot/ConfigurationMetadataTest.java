package dev.plinth.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metadata IDEs read to complete and document {@code plinth.*} in application properties. */
class ConfigurationMetadataTest {

  @Test
  void everyPropertyIsDescribedWithItsDefault() throws IOException {
    JsonNode metadata;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      metadata = new ObjectMapper().readTree(in);
    }
    List<String> properties = new ArrayList<>();
    for (JsonNode property : metadata.get("properties")) {
      properties.add(property.get("name").asText() + " = " + property.path("defaultValue").asText("(none)")
          + (property.path("description").asText().isEmpty() ? " UNDESCRIBED" : ""));
    }
    assertEquals(List.of(
        "plinth.connect-timeout = 10s",
        "plinth.enabled = true",
        "plinth.locations = classpath:db/migration",
        "plinth.seed = (none)",
        "plinth.verify-on-start = false"), properties);
  }
}
