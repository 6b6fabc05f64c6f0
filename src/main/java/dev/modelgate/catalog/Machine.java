package dev.modelgate.catalog;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The machine the model must fit on: its memory, whether memory is unified (DGX Spark), the
 * services that already live there, and how fast its memory is read.
 *
 * @param memoryBandwidthGBps the memory bandwidth in GB/s (DGX Spark: about 273), or null when not
 *                            given; it bounds how fast any model can decode there
 */
public record Machine(String name, double memoryGiB, boolean unified, List<Service> coResident,
                      Double memoryBandwidthGBps) {

    public Machine {
        coResident = coResident == null ? List.of() : List.copyOf(coResident);
    }

    public Machine(String name, double memoryGiB, boolean unified, List<Service> coResident) {
        this(name, memoryGiB, unified, coResident, null);
    }

    /** Memory left for the model once the co-resident services are placed. */
    public double availableGiB() {
        return memoryGiB - coResident.stream().mapToDouble(Service::memoryGiB).sum();
    }

    public OptionalDouble bandwidthGBps() {
        return memoryBandwidthGBps == null ? OptionalDouble.empty() : OptionalDouble.of(memoryBandwidthGBps);
    }

    /** A co-resident service and what it holds. */
    public record Service(String name, double memoryGiB) {
    }
}
