package vn.cungem.shared.security;

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
}
