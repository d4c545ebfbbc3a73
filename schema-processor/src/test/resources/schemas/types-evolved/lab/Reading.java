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

/**
 * The network becomes an inet, the price loses its precision; the aliases are now written as the
 * Java types give them, which is no change.
 */
@Table
public record Reading(
    @Id long id,
    OffsetTime takenAt,
    Duration took,
    @Nullable InetAddress source,
    @Nullable InetAddress network,
    BigDecimal amount,
    BigDecimal price,
    List<Mood> moods,
    @Nullable Mood[] history,
    @Nullable List<Duration> laps,
    @Nullable OffsetTime closesAt,
    @Nullable @Column(length = 12) String code,
    @Nullable Long total,
    @Nullable Duration pause) {}
