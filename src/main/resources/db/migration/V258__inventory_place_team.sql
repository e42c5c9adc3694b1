-- The workshop queue finds a team's own workshop on every view: by its team, not by reading every place.
create index inventory_place_team_ix on inventory_place (volunteer_team_id);
