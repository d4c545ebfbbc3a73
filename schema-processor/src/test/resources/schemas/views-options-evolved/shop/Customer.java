package shop;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.RenamedFrom;
import dev.plinth.annotations.Table;

/** A column the view with options reads is renamed: the view is dropped and created again. */
@Table
public record Customer(@Id long id, @RenamedFrom("name") String fullName, String team) {}
