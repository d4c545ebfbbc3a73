package lab;

import dev.plinth.annotations.Column;
import dev.plinth.annotations.Id;
import dev.plinth.annotations.Nullable;
import dev.plinth.annotations.Table;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetTime;
import java.util.List;

/** Column kinds beyond the basic ones, and explicit types written as PostgreSQL's aliases. */
@Table
public record Reading(
    @Id long id,
    OffsetTime takenAt,
    Duration took,
    @Nullable InetAddress source,
    @Nullable @Column(type = "cidr") String network,
    BigDecimal amount,
    @Column(precision = 10, scale = 2) BigDecimal price,
    List<Mood> moods,
    @Nullable Mood[] history,
    @Nullable List<Duration> laps,
    @Nullable @Column(type = "timetz") OffsetTime closesAt,
    @Nullable @Column(type = "VARCHAR(12)") String code,
    @Nullable @Column(type = "int8") Long total) {}
