package vn.cungem.handover;

import java.time.LocalDate;

/** A batch to schedule, as the form or the API sends it. */
public record NewBatch(long campaignId, long schoolId, LocalDate date, Batch.PlaceKind placeKind, String placeNote) {}
