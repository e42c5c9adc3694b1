package vn.cungem.campaign;

import java.time.LocalDate;

/** A dated step of the campaign's timeline; {@code endsOn} is set when the step spans several days. */
public record Milestone(LocalDate startsOn, LocalDate endsOn, String title) {}
