package vn.cungem.organisation;

import java.util.List;

/** A unit found by a search, with the names of its ancestors (root first) so that same-named wards can be told apart. */
public record UnitHit(Unit unit, List<String> path) {}
