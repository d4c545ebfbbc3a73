package shop;

import dev.plinth.annotations.Check;
import dev.plinth.annotations.Column;
import dev.plinth.annotations.Default;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Identity;
import dev.plinth.annotations.Index;
import dev.plinth.annotations.IndexMethod;
import dev.plinth.annotations.Jsonb;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.References;
import dev.plinth.annotations.ReferentialAction;
import dev.plinth.annotations.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An order: a reserved word as table name, and a column named group. */
@Table
@Check(name = "order_total_positive", value = "total >= 0")
@Index(columns = "details jsonb_path_ops", method = IndexMethod.GIN)
@Index(columns = {"customerId", "placedAt DESC"}, include = {"total"}, where = "\"group\" IS NOT NULL")
@Index(columns = "placedAt", method = IndexMethod.BRIN)
@Index(columns = "reference", method = IndexMethod.HASH, concurrently = true)
public record Order(
    @Id @Identity(always = true) long id,
    @References(value = Customer.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE) UUID customerId,
    @Column(precision = 12, scale = 2) BigDecimal total,
    @Nullable @Column(name = "group") String group,
    @Jsonb @Default("'{}'::jsonb") String details,
    UUID reference,
    OffsetDateTime placedAt,
    @Nullable LocalDateTime localPlacedAt,
    @Nullable LocalDate dueOn,
    @Nullable LocalTime cutoff,
    @Nullable byte[] receipt,
    @Nullable Short priority,
    boolean paid,
    double weight,
    float ratio,
    @Nullable @Column(type = "inet") String clientIp) {}
