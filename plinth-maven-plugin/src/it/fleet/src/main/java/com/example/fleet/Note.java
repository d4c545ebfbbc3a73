package com.example.fleet;

import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;

/**
 * A note, in every tenant's database.
 *
 * @param id Surrogate key.
 * @param body The text.
 */
@Table
public record Note(@Id long id, String body) {}
