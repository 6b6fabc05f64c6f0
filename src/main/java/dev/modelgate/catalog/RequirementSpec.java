package dev.modelgate.catalog;

import java.util.Optional;

/**
 * One row of the requirement table: its must-have and nice-to-have thresholds and the unit they
 * are written in. Either threshold may be absent (vision is nice-to-have only).
 */
public record RequirementSpec(String id, String title, String unit, Optional<Threshold> must,
                              Optional<Threshold> nice, String description) {

    public String title() {
        return title == null ? id : title;
    }
}
