package casebook.cases.api;

import java.util.Objects;
import java.util.Set;

/** The regions a caller may see: a set of regions, or all of them (legal, auditors). */
public record RegionScope(boolean all, Set<Region> regions) {
    public static final RegionScope ALL = new RegionScope(true, Set.of());

    public RegionScope {
        regions = Set.copyOf(Objects.requireNonNull(regions, "regions"));
    }

    public static RegionScope of(Set<Region> regions) {
        return new RegionScope(false, regions);
    }

    public boolean includes(Region region) {
        return all || regions.contains(region);
    }
}
