package vn.cungem.donation;

/** The outcome of a submission: the pledge, and whether this call created it (false for a retried submission). */
public record PledgeSaved(long id, TrackingCode code, boolean created) {}
