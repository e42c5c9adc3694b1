package vn.cungem.donation;

import java.util.List;

public record PledgePage(List<PledgeSummary> rows, int page, int size, boolean hasNext) {}
