package dev.modelgate.measure;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * When each request of an open-loop {@link LoadProfile} is due, in nanoseconds from the start of
 * the run: {@code i / rate} for a constant rate; for Poisson arrivals, gaps drawn independently
 * from the exponential distribution of mean {@code 1 / rate} with a {@link SplittableRandom}
 * seeded by the profile, so the same seed gives the same schedule.
 */
final class ArrivalSchedule {

    private ArrivalSchedule() {
    }

    /** The due offsets of {@code profile}: its number of requests, or every arrival before its duration ends. */
    public static long[] offsetsNanos(LoadProfile profile) {
        if (profile.closedLoop()) {
            throw new IllegalArgumentException("a closed-loop profile has no schedule ahead of time: " + profile.describe());
        }
        double meanGap = 1e9 / profile.level();
        long limit = profile.duration().toNanos();
        SplittableRandom random = new SplittableRandom(profile.seed());
        long[] out = new long[profile.requests() > 0 ? profile.requests() : 16];
        int n = 0;
        double at = 0;
        while (profile.requests() > 0 ? n < profile.requests() : at < limit) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = Math.round(at);
            at += profile.kind() == LoadProfile.Kind.POISSON ? -Math.log(1 - random.nextDouble()) * meanGap : meanGap;
        }
        return Arrays.copyOf(out, n);
    }
}
