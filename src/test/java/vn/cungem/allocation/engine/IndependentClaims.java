package vn.cungem.allocation.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims of an input, worked out here from the rule's words rather than by the engine's code: students needing a
 * device; siblings (same household key) as one claim when the rules say they share, received by the most urgent of
 * them, the lowest student number on a tie.
 */
record IndependentClaims(Applicant recipient, List<Applicant> members) {

    static List<IndependentClaims> of(AllocationInput input) {
        Map<Object, List<Applicant>> groups = new LinkedHashMap<>();
        for (Applicant a : input.applicants()) {
            if (!a.needsDevice()) {
                continue;
            }
            Object key = input.rules().siblingsShareDevice() && a.householdKey() != 0
                    ? Long.valueOf(a.householdKey())
                    : "student " + a.id();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
        List<IndependentClaims> claims = new ArrayList<>();
        for (List<Applicant> members : groups.values()) {
            Applicant recipient = members.stream()
                    .min(Comparator.comparingInt((Applicant a) -> -a.priority()).thenComparingLong(Applicant::id))
                    .orElseThrow();
            claims.add(new IndependentClaims(recipient, members));
        }
        return claims;
    }
}
