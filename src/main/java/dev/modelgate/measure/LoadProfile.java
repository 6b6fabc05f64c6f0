package dev.modelgate.measure;

import dev.modelgate.catalog.Numbers;
import java.time.Duration;
import java.util.Locale;

/**
 * How load is offered: {@code concurrency} streams kept in flight (closed loop: a stream's next
 * request is due when its previous one ends), or requests arriving at a {@code constant} or
 * {@code poisson} rate (open loop: due at scheduled instants whatever the server does; Poisson
 * gaps drawn from {@code seed}, so a run can be repeated exactly). A run stops after
 * {@code requests} requests or after {@code duration} of scheduling, whichever is set. Requests
 * scheduled in its first {@code warmUp} or its last {@code coolDown} are sent but not counted.
 *
 * @param level streams (concurrency) or requests per second (rates)
 */
public record LoadProfile(Kind kind, double level, int requests, Duration duration, Duration warmUp,
                          Duration coolDown, long seed) {

    /** The three ways of offering load. */
    public enum Kind {
        CONCURRENCY, CONSTANT, POISSON
    }

    public LoadProfile {
        if (kind == Kind.CONCURRENCY ? level < 1 || level != Math.rint(level) : !(level > 0) || Double.isInfinite(level)) {
            throw new IllegalArgumentException(kind == Kind.CONCURRENCY ? "concurrency must be a whole number >= 1, got "
                    + level : "a rate must be > 0 requests per second, got " + level);
        }
        if ((requests > 0) == (duration != null && !duration.isZero())) {
            throw new IllegalArgumentException("a load profile runs for a number of requests or for a duration: set"
                    + " exactly one (requests " + requests + ", duration " + duration + ")");
        }
        duration = duration == null ? Duration.ZERO : duration;
        warmUp = warmUp == null ? Duration.ZERO : warmUp;
        coolDown = coolDown == null ? Duration.ZERO : coolDown;
    }

    public static LoadProfile concurrency(int streams, int requests) {
        return new LoadProfile(Kind.CONCURRENCY, streams, requests, null, null, null, 0);
    }

    public static LoadProfile constantRate(double perSecond, int requests) {
        return new LoadProfile(Kind.CONSTANT, perSecond, requests, null, null, null, 0);
    }

    public static LoadProfile poisson(double perSecond, int requests, long seed) {
        return new LoadProfile(Kind.POISSON, perSecond, requests, null, null, null, seed);
    }

    /** The same load for a duration instead of a number of requests. */
    public LoadProfile forDuration(Duration d) {
        return new LoadProfile(kind, level, 0, d, warmUp, coolDown, seed);
    }

    public LoadProfile excluding(Duration warmUpTime, Duration coolDownTime) {
        return new LoadProfile(kind, level, requests, duration, warmUpTime, coolDownTime, seed);
    }

    /** The same profile at another level (streams or requests per second). */
    public LoadProfile atLevel(double newLevel) {
        return new LoadProfile(kind, newLevel, requests, duration, warmUp, coolDown, seed);
    }

    public boolean closedLoop() {
        return kind == Kind.CONCURRENCY;
    }

    public int streams() {
        return (int) level;
    }

    /** e.g. {@code "16 concurrent"}, {@code "4.5 requests/s (Poisson, seed 7)"}. */
    public String describe() {
        return switch (kind) {
            case CONCURRENCY -> streams() + " concurrent";
            case CONSTANT -> String.format(Locale.ROOT, "%s requests/s (constant)", Numbers.exact(level));
            case POISSON -> String.format(Locale.ROOT, "%s requests/s (Poisson, seed %d)", Numbers.exact(level), seed);
        };
    }
}
