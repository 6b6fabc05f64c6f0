package dev.modelgate.catalog;

import java.util.List;

/**
 * The machine the model must fit on: its memory, whether memory is unified (DGX Spark), and the
 * services that already live there.
 */
public record Machine(String name, double memoryGiB, boolean unified, List<Service> coResident) {

    public Machine {
        coResident = coResident == null ? List.of() : List.copyOf(coResident);
    }

    /** Memory left for the model once the co-resident services are placed. */
    public double availableGiB() {
        return memoryGiB - coResident.stream().mapToDouble(Service::memoryGiB).sum();
    }

    /** A co-resident service and what it holds. */
    public record Service(String name, double memoryGiB) {
    }
}
