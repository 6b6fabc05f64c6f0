package dev.modelgate.catalog.preflight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A draft candidate file for a checkpoint the survey found and the catalogue lacks: every fact the
 * Hub showed, with its source in a comment, the parsers of its family, and the facts read only from
 * the repository name marked unconfirmed. A draft is a start, not a verdict: check it, then move it
 * into the catalogue.
 */
final class CandidateDraft {

    private CandidateDraft() {
    }

    /** The candidate id of a repository: its name in lower case. */
    static String id(String repo) {
        return repo.substring(repo.indexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    static String yaml(SurveyRow row, Optional<ParserFamilies.Family> family, String endpoint) {
        String hubBase = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        List<String> unconfirmed = new ArrayList<>();
        StringBuilder y = new StringBuilder();
        y.append("# Draft from the Hub survey: check every fact, then move this file into the catalogue.\n");
        y.append("# Sources:\n");
        y.append("#   [hub]     ").append(hubBase).append("/api/models/").append(row.repo()).append("?blobs=true")
                .append(row.sha() == null ? "" : " (commit " + row.sha() + ")").append('\n');
        y.append("#   [config]  ").append(hubBase).append('/').append(row.repo()).append("/resolve/main/config.json\n");
        y.append("#   [card]    ").append(hubBase).append('/').append(row.repo()).append("/resolve/main/README.md\n");
        family.ifPresent(f -> y.append("#   [parsers] ").append(f.name()).append(": ").append(f.source()).append('\n'));
        y.append("name: ").append(quote(row.repo().substring(row.repo().indexOf('/') + 1))).append('\n');
        List<String> tags = new ArrayList<>();
        if (row.moe() != null) {
            tags.add(row.moe() ? "moe" : "dense");
        }
        if (row.quantization() != null) {
            tags.add(row.quantization().toLowerCase(Locale.ROOT));
        }
        if (row.modalities().contains("image")) {
            tags.add("vision");
        }
        if (row.modalities().contains("audio")) {
            tags.add("audio");
        }
        y.append("tags: [").append(String.join(", ", tags)).append("]\n");
        y.append("huggingFace:\n  repo: ").append(row.repo()).append("\n  revision: main")
                .append(row.sha() == null ? "" : "                      # [hub] read at " + row.sha()).append('\n');
        y.append("engine:\n  type: vllm\n  args:\n    - --max-model-len\n    - \"")
                .append(row.contextLength() == null ? 131072 : Math.min(131072, row.contextLength())).append("\"\n");
        if (family.isPresent()) {
            ParserFamilies.Family f = family.get();
            if (f.toolParser() != null) {
                y.append("    - --enable-auto-tool-choice\n    - --tool-call-parser\n    - ").append(f.toolParser())
                        .append("                  # [parsers]\n");
            }
            f.extraArgs().forEach(a -> y.append("    - ").append(quote(a)).append("   # [parsers]\n"));
            if (f.reasoningParser() != null) {
                y.append("    - --reasoning-parser\n    - ").append(f.reasoningParser()).append("                  # [parsers]\n");
            }
        } else {
            y.append("    # no parser family for model_type ").append(row.modelType())
                    .append(": add --tool-call-parser from vLLM's docs\n");
        }
        y.append("bootTimeoutSeconds: 1800\n");
        y.append("facts:\n");
        fact(y, "architecture", row.architecture(), "[config] architectures[0]"
                + (row.vllmSupported() ? "; in vLLM's architecture list" : "; NOT in vLLM's architecture list"));
        if (row.totalParametersB() != null) {
            fact(y, "totalParametersB", number(row.totalParametersB()), row.parametersSource());
            unconfirmed.add("totalParametersB");
        }
        Double active = row.activeParametersB() != null ? row.activeParametersB()
                : Boolean.FALSE.equals(row.moe()) ? row.totalParametersB() : null;
        if (active != null) {
            fact(y, "activeParametersB", number(active), row.activeParametersB() != null ? "repository name (-A…B)"
                    : "dense: every parameter is active");
            unconfirmed.add("activeParametersB");
        }
        if (row.moe() != null) {
            y.append("  moe: ").append(row.moe()).append("   # [config] experts per layer ")
                    .append(row.moe() ? "> 1" : "absent").append('\n');
        }
        fact(y, "quantization", row.quantization(), "[config] " + row.quantizationDetail());
        fact(y, "license", row.licence(), "[card] " + row.licenceDetail());
        fact(y, "contextLength", row.contextLength() == null ? null : row.contextLength().toString(),
                "[config] " + row.contextSource());
        y.append("  modalities: [").append(String.join(", ", row.modalities()))
                .append("]   # [config] vision/audio configs and [hub] pipeline tag\n");
        unconfirmed.add("modalities");
        if (row.weightsBytes() != null) {
            y.append("  weightsBytes: ").append(row.weightsBytes()).append('\n');
            y.append("  weightsSource: ").append(quote(row.weightsSource() + " (" + hubBase + ")")).append('\n');
        }
        y.append("  unconfirmed: [").append(String.join(", ", unconfirmed)).append("]\n");
        y.append("stability:\n  rating: preview\n  evidence: a draft from the Hub survey; no serving record yet\n");
        return y.toString();
    }

    private static void fact(StringBuilder y, String field, String value, String source) {
        if (value == null) {
            y.append("  # ").append(field).append(": unknown (").append(source).append(")\n");
        } else {
            y.append("  ").append(field).append(": ").append(quote(value)).append("   # ").append(source).append('\n');
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String quote(String value) {
        boolean plain = value.matches("(--)?[A-Za-z0-9][A-Za-z0-9 ._/+()-]*") && !value.matches("(?i)true|false|null|yes|no");
        return plain ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
