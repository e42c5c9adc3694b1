package vn.cungem.student;

import java.util.List;
import java.util.Set;
import vn.cungem.campaign.PriorityCategory;

/**
 * What a student's priority is made of: the campaign's priority groups they belong to, the device and the connection
 * they have, and what they need.
 */
public record Circumstances(
        Set<String> categories, DeviceSituation deviceSituation, Connectivity connectivity, Needs needs) {

    public PriorityScore priority(List<PriorityCategory> weights) {
        return PriorityScore.of(categories, weights, needs, deviceSituation, connectivity);
    }
}
