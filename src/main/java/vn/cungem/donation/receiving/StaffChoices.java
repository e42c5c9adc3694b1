package vn.cungem.donation.receiving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.cungem.donation.CollectionPointStaff;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.TeamMembership;
import vn.cungem.shared.text.VietnameseText;

/**
 * What the staff page shows by name: the partner organisations and volunteer teams a manager can pick for a point (in
 * their own scope, found by the words typed), and the names of those already assigned.
 */
@Component
class StaffChoices {

    static final int LIMIT = 20;

    record Choice(long id, String name) {}

    record Staffed(long assignmentId, String kind, String name) {}

    private final JdbcClient jdbc;
    private final UnitScopes scopes;
    private final ObjectProvider<TeamMembership> teams;

    StaffChoices(JdbcClient jdbc, UnitScopes scopes, ObjectProvider<TeamMembership> teams) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.teams = teams;
    }

    List<Choice> partners(String query, Caller caller) {
        String folded = query == null ? "" : VietnameseText.fold(query.strip());
        return jdbc.sql("select id, name from org_partner p where retired_on is null and name_folded like ? and "
                        + scopes.unitFilter(caller, "p.home_unit_id")
                        + " order by name_sort, id fetch first ? rows only")
                .params("%" + folded.replace("\\", "").replace("%", "").replace("_", "") + "%", LIMIT)
                .query((rs, n) -> new Choice(rs.getLong(1), rs.getString(2)))
                .list();
    }

    List<Choice> teams(String query, Caller caller) {
        return membership()
                .map(m -> m.find(caller, query, LIMIT).stream()
                        .map(t -> new Choice(t.id(), t.name()))
                        .toList())
                .orElse(List.of());
    }

    List<Staffed> named(List<CollectionPointStaff.Assignment> assignments) {
        Map<Long, String> teamNames = membership()
                .map(m -> m.names(assignments.stream()
                        .map(CollectionPointStaff.Assignment::teamId)
                        .filter(id -> id != null)
                        .toList()))
                .orElse(Map.of());
        List<Staffed> out = new ArrayList<>();
        for (CollectionPointStaff.Assignment a : assignments) {
            if (a.partnerId() != null) {
                String name = jdbc.sql("select name from org_partner where id = ?")
                        .param(a.partnerId())
                        .query(String.class)
                        .optional()
                        .orElse("#" + a.partnerId());
                out.add(new Staffed(a.id(), "PARTNER", name));
            } else {
                out.add(new Staffed(a.id(), "TEAM", teamNames.getOrDefault(a.teamId(), "#" + a.teamId())));
            }
        }
        return out;
    }

    private Optional<TeamMembership> membership() {
        return Optional.ofNullable(teams.getIfAvailable());
    }
}
