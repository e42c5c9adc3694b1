package vn.cungem.shared.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which volunteer team an account works in. A caller's scope says where a volunteer may look (the team's unit), not
 * which team they belong to; the modules that give a team work (a collection point to staff, a workshop) ask here.
 * Implemented by identity, which keeps accounts and teams.
 */
public interface TeamMembership {

    /** The caller's team, when they are a volunteer technician in one. */
    Optional<Long> teamOf(Caller caller);

    /** The unit a team works for; empty when there is no such team. */
    Optional<Long> unitOfTeam(long teamId);

    /** A team as a picker shows it. */
    record TeamName(long id, String name, long unitId) {}

    /** Teams in the caller's scope whose name contains the words typed (any case, with or without diacritics). */
    List<TeamName> find(Caller caller, String nameQuery, int limit);

    /** Team names by id, whoever asks (the caller already sees the rows that name them). */
    Map<Long, String> names(Collection<Long> teamIds);
}
