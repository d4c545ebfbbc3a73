package com.example.shop;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Table;
import java.util.UUID;

/**
 * Someone who buys.
 *
 * @param id Surrogate key.
 * @param email Where receipts go.
 */
@Table
public record Customer(@Id @Default("gen_random_uuid()") UUID id, @Column(length = 320) String email) {}
