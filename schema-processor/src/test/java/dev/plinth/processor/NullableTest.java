package dev.plinth.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Any annotation named {@code Nullable} opts a column out of NOT NULL, type-use ones included. */
class NullableTest {
  @TempDir Path migrations;

  @Test
  void acceptsTypeUseAndDeclarationNullablesFromAnyPackage() {
    var jspecify = JavaFileObjects.forSourceString("org.jspecify.annotations.Nullable", """
        package org.jspecify.annotations;
        import java.lang.annotation.*;
        @Target(ElementType.TYPE_USE) @Retention(RetentionPolicy.RUNTIME)
        public @interface Nullable {}
        """);
    var jakarta = JavaFileObjects.forSourceString("jakarta.annotation.Nullable", """
        package jakarta.annotation;
        import java.lang.annotation.*;
        @Retention(RetentionPolicy.RUNTIME)
        public @interface Nullable {}
        """);
    var record = JavaFileObjects.forSourceString("app.Contact", """
        package app;
        import dev.plinth.annotations.*;
        @Table
        record Contact(@Id long id, @org.jspecify.annotations.Nullable String phone,
            @jakarta.annotation.Nullable String fax, String email) {}
        """);

    assertThat(ProcessorRun.compile(migrations, List.of(jspecify, jakarta, record))).succeeded();

    String v1 = ProcessorRun.files(migrations).get("migration/V1__create_contact.sql");
    assertTrue(v1.contains("\"phone\" text,\n") && v1.contains("\"fax\" text,\n")
        && v1.contains("\"email\" text NOT NULL"), v1);
  }
}
