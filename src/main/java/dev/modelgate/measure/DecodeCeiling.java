package dev.modelgate.measure;

import dev.modelgate.catalog.Facts;
import dev.modelgate.catalog.Machine;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The highest decode speed a machine allows a model: every generated token reads each active
 * weight from memory at least once, so one stream cannot decode faster than
 * {@code bandwidth / (active parameters × bytes per weight)}. The bytes per weight are the
 * quantization's, without its scales, and KV-cache reads are left out, so the ceiling is generous:
 * a measured decode above it is not plausible, and points at speculative decoding (several tokens
 * per step, which is real but then the figure is not one stream's plain decode) or at token counting.
 *
 * @param tokensPerSecond the ceiling
 * @param bytesPerWeight  from the quantization ({@code NVFP4} 0.5, {@code FP8} 1, {@code BF16} 2 …)
 */
public record DecodeCeiling(double tokensPerSecond, double bandwidthGBps, double activeParametersB,
                            double bytesPerWeight, String quantization) {

    /** The ceiling for a candidate on a machine, or why there is none. */
    public static Result of(Machine machine, Facts facts) {
        if (machine == null || machine.bandwidthGBps().isEmpty()) {
            return new Result(Optional.empty(), "requirements.yaml gives no machine.memoryBandwidthGBps");
        }
        if (facts.activeParametersB() == null) {
            return new Result(Optional.empty(), "the candidate declares no facts.activeParametersB");
        }
        OptionalDouble bytes = bytesPerWeight(facts.quantization());
        if (bytes.isEmpty()) {
            return new Result(Optional.empty(), "the bytes per weight of quantization '" + facts.quantization()
                    + "' are not known here");
        }
        double bandwidth = machine.bandwidthGBps().getAsDouble();
        double ceiling = bandwidth / (facts.activeParametersB() * bytes.getAsDouble());
        return new Result(Optional.of(new DecodeCeiling(ceiling, bandwidth, facts.activeParametersB(),
                bytes.getAsDouble(), facts.quantization() == null ? "none" : facts.quantization())), null);
    }

    /** Bytes per weight of a quantization method; unquantized (null) counts as BF16. */
    static OptionalDouble bytesPerWeight(String quantization) {
        if (quantization == null) {
            return OptionalDouble.of(2);
        }
        String q = quantization.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (q) {
            case "NVFP4", "MXFP4", "FP4", "GPTQ", "AWQ", "INT4", "W4A16", "Q4" -> OptionalDouble.of(0.5);
            case "FP8", "INT8", "W8A8", "W8A16", "Q8" -> OptionalDouble.of(1);
            case "BF16", "FP16", "F16", "NONE" -> OptionalDouble.of(2);
            case "F32", "FP32" -> OptionalDouble.of(4);
            default -> OptionalDouble.empty();
        };
    }

    /** Whether {@code measured} tok/s is above the ceiling. */
    public boolean exceededBy(double measured) {
        return measured > tokensPerSecond;
    }

    public Map<String, Object> toMetric(double measuredP50) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ceilingTokensPerSecond", Distribution.round(tokensPerSecond));
        m.put("memoryBandwidthGBps", bandwidthGBps);
        m.put("activeParametersB", activeParametersB);
        m.put("bytesPerWeight", bytesPerWeight);
        m.put("quantization", quantization);
        m.put("plausible", !exceededBy(measuredP50));
        return m;
    }

    public String describe(double measuredP50) {
        String base = String.format(Locale.ROOT, "decode ceiling %.1f tok/s = %.0f GB/s / (%s B active parameters ×"
                        + " %s bytes per weight, %s)", tokensPerSecond, bandwidthGBps, trim(activeParametersB),
                trim(bytesPerWeight), quantization);
        if (exceededBy(measuredP50)) {
            return String.format(Locale.ROOT, "FLAGGED: decode p50 %.1f tok/s is above the %s: not plausible for one"
                    + " stream; check speculative decoding or token counting", measuredP50, base);
        }
        return String.format(Locale.ROOT, "decode p50 %.1f tok/s is %.0f %% of the %s", measuredP50,
                100 * measuredP50 / tokensPerSecond, base);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** A ceiling, or the reason there is none. */
    public record Result(Optional<DecodeCeiling> ceiling, String missing) {
    }
}
