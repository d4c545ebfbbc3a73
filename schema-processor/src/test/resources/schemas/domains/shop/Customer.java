package shop;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;
import java.util.List;

@Table
public record Customer(
    @Id long id,
    @Column(type = "email_address") String email,
    @Column(type = "quantity") int seats,
    @Nullable @Column(type = "code[]") List<String> codes,
    @Nullable @Column(type = "legacy_flag") String legacy) {}
