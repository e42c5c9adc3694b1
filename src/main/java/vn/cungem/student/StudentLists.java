package vn.cungem.student;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.cungem.campaign.Campaigns;
import vn.cungem.organisation.UnitScopes;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.student.internal.ListCursor;
import vn.cungem.student.internal.ListOrder;
import vn.cungem.student.internal.SchoolsAndUnits;
import vn.cungem.student.internal.StudentListing;
import vn.cungem.student.internal.StudentTallies;

/**
 * A campaign's student list at any size: pages by key (a cursor) in the chosen order, counts per status from the kept
 * counts when the filter is one they keep (campaign, unit, school, category), counted up to a limit otherwise.
 */
final class StudentLists {

    private final StudentListing listing;
    private final StudentTallies tallies;
    private final SchoolsAndUnits organisation;
    private final Campaigns campaigns;
    private final UnitScopes scopes;
    private final StudentAccess access;

    StudentLists(
            StudentListing listing,
            StudentTallies tallies,
            SchoolsAndUnits organisation,
            Campaigns campaigns,
            UnitScopes scopes,
            StudentAccess access) {
        this.listing = listing;
        this.tallies = tallies;
        this.organisation = organisation;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.access = access;
    }

    /** Above this many matches a search's page walks the list order's index (see {@link #list}). */
    static final int MANY_MATCHES = 2_000;

    /** See {@link Students#list}. */
    StudentPage list(StudentFilter filter, Caller caller) {
        campaigns.get(filter.campaignId(), caller);
        Optional<ListCursor> cursor = Optional.empty();
        if (filter.cursor() != null) {
            cursor = ListCursor.decode(filter.cursor()).filter(c -> c.sort() == filter.sort());
            if (cursor.isEmpty()) {
                throw StudentTexts.invalid("student.cursor");
            }
        }
        boolean maskedReader = caller.is(Role.PARTNER_USER);
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("s.campaign_id = ?");
        params.add(filter.campaignId());
        where.append(" and ").append(access.listCondition(caller));
        // the cursor's row is looked up in the reader's scope only: a row out of it is no place to start from, and
        // one that has since left the filter (approved from the approval list) still is
        String scopeWhere = where.toString();
        List<Object> scopeParams = List.copyOf(params);
        if (filter.unitId() != null) {
            where.append(" and ").append(scopes.within("s.unit_id", filter.unitId()));
        }
        if (filter.schoolId() != null) {
            where.append(" and s.school_id = ?");
            params.add(filter.schoolId());
        }
        if (filter.grade() != null) {
            where.append(" and s.grade = ?");
            params.add(filter.grade());
        }
        String category = category(filter.category());
        if (category != null) {
            // codes are [A-Z0-9_], so the comma-delimited column can be matched without false hits
            where.append(" and (',' || s.categories || ',') like ?");
            params.add("%," + category + ",%");
        }
        String text = filter.text() == null || filter.text().isBlank() ? null : filter.text();
        // the search's own condition, kept apart: a page of many matches walks the order without it (see below)
        StringBuilder searchWhere = new StringBuilder();
        List<Object> searchParams = new ArrayList<>();
        if (text != null) {
            if (maskedReader) {
                // a masked reader must not find a child by the name they cannot see
                where.append(" and 1=0");
            } else {
                search(text, searchWhere, searchParams);
            }
        }
        boolean exact = true;
        Map<StudentStatus, Long> counts = filter.grade() == null && text == null
                ? keptCounts(filter, category, caller).orElse(null)
                : null;
        if (counts == null && !searchWhere.isEmpty()) {
            // a search finds its matches once: when they are few, the counts are theirs and the page is chosen among
            // them by id, where the page's query used to run the search's index a second time (two trigram scans of
            // "tran thi" across a province's lists of common syllables: docs/benchmarks.md, registry run 9)
            StudentListing.Counted found = listing.countAndIdsUpTo(
                    where.toString() + searchWhere,
                    concat(params, searchParams),
                    StudentPage.COUNT_LIMIT + 1,
                    MANY_MATCHES);
            counts = found.counts();
            exact = counts.values().stream().mapToLong(Long::longValue).sum() <= StudentPage.COUNT_LIMIT;
            if (found.ids() != null) {
                searchWhere = new StringBuilder(" and ").append(StudentListing.idsIn(found.ids()));
                searchParams = new ArrayList<>();
            }
        }
        if (counts == null) {
            counts = listing.countByStatusUpTo(
                    where.toString() + searchWhere, concat(params, searchParams), StudentPage.COUNT_LIMIT + 1);
            exact = counts.values().stream().mapToLong(Long::longValue).sum() <= StudentPage.COUNT_LIMIT;
        }
        if (filter.status() != null) {
            where.append(" and s.status = ?");
            params.add(filter.status().name());
        } else {
            // merged duplicates are history, not students: shown only when asked for
            where.append(" and s.status <> 'MERGED'");
        }
        ListOrder order = ListOrder.of(filter.sort());
        Object[] boundary = null;
        boolean forward = true;
        if (cursor.isPresent()) {
            boundary = listing.key(order, cursor.get().studentId(), scopeWhere, scopeParams)
                    .orElseThrow(() -> StudentTexts.invalid("student.cursor"));
            forward = cursor.get().after();
        }
        long offset = cursor.isEmpty() ? (long) filter.page() * filter.size() : 0;
        if (offset > StudentPage.OFFSET_LIMIT) {
            // an offset is walked row by row: 750,000 rows in took 2.9 s of the database; a cursor reaches them at once
            throw StudentTexts.invalid("student.page-too-deep", StudentPage.OFFSET_LIMIT);
        }
        // A search with many matches (a common name across the country: "tran thi", 9,859 of a million) walks the
        // order's index and filters, about 27 * (rows in scope / matches) rows for a page, instead of reading and
        // sorting every match; fewer matches are found by the search's index first. With a status too the matches may
        // be sparse again (rejected: one in 25), so those stay with the search's index.
        long matches = counts.values().stream().mapToLong(Long::longValue).sum();
        boolean walk = !searchWhere.isEmpty()
                && matches > MANY_MATCHES
                && filter.status() == null
                && order != ListOrder.SCHOOL;
        List<StudentRow> rows = walk
                ? listing.walk(
                        where.toString(),
                        params,
                        searchWhere.substring(" and ".length()),
                        searchParams,
                        order,
                        boundary,
                        forward,
                        filter.size() + 1,
                        offset)
                : listing.page(
                        where.toString() + searchWhere,
                        concat(params, searchParams),
                        order,
                        boundary,
                        forward,
                        filter.size() + 1,
                        offset,
                        text != null);
        boolean more = rows.size() > filter.size();
        if (more) {
            rows = forward ? rows.subList(0, filter.size()) : rows.subList(1, rows.size());
        }
        boolean hasNext = forward ? more : true;
        boolean hasPrevious = forward ? cursor.isPresent() || offset > 0 : more;
        List<StudentRow> page =
                rows.stream().map(r -> maskedReader ? r.maskedCopy() : r).toList();
        String next = hasNext && !page.isEmpty()
                ? new ListCursor(filter.sort(), true, page.get(page.size() - 1).id()).encode()
                : null;
        String previous = hasPrevious && !page.isEmpty()
                ? new ListCursor(filter.sort(), false, page.get(0).id()).encode()
                : null;
        return new StudentPage(
                page,
                filter.page(),
                filter.size(),
                hasNext && next != null,
                counts,
                filter.sort(),
                next,
                previous,
                exact);
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String category(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Free text: a MOET code or a guardian's phone exactly, or else every word as the start of a word of the folded name,
     * in any order ("nguyen an" finds "Nguyễn Văn An"). PostgreSQL answers each word from the trigram index (V242); H2
     * reads the campaign's rows, fine at its size.
     */
    private static void search(String text, StringBuilder where, List<Object> params) {
        List<String> words = List.of(VietnameseText.fold(text).split(" ")).stream()
                .filter(w -> !w.isBlank())
                .toList();
        StringBuilder any = new StringBuilder("(");
        if (words.isEmpty()) {
            any.append("1=0");
        } else {
            for (int i = 0; i < words.size(); i++) {
                // the start of a word of the name: "an" finds "An" and "Anh", not "Trần" (PostgreSQL's trigram index
                // is on this very expression, V242)
                any.append(i == 0 ? "" : " and ").append("(' ' || s.name_folded) like ? escape '\\'");
                params.add("% " + VietnameseText.likeContains(words.get(i)).substring(1));
            }
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        any.append(" or s.moet_code = ?");
        params.add(code.length() > 32 ? code.substring(0, 32) : code);
        phone(text).ifPresent(p -> {
            any.append(" or s.guardian_phone = ?");
            params.add(p);
        });
        where.append(" and ").append(any).append(")");
    }

    private static Optional<String> phone(String text) {
        try {
            return Optional.of(PhoneNumber.parse(text).national());
        } catch (RuntimeException notAPhone) {
            return Optional.empty();
        }
    }

    /**
     * The counts a filter of campaign, unit, school and category reads from the kept counts: one place (the reader's
     * own scope, narrowed by the filter). Empty when the reader or the filter needs the rows counted.
     */
    private Optional<Map<StudentStatus, Long>> keptCounts(StudentFilter filter, String category, Caller caller) {
        long campaign = filter.campaignId();
        if (filter.schoolId() != null || caller.is(Role.SCHOOL_OFFICER)) {
            Long schoolId = filter.schoolId() != null ? filter.schoolId() : StudentAccess.ownSchool(caller);
            Optional<SchoolRef> school = schoolId == null ? Optional.empty() : organisation.school(schoolId);
            if (school.isEmpty()
                    || !access.covers(caller, school.get().id(), school.get().unitId())
                    || (filter.unitId() != null && !scopes.isWithin(school.get().unitId(), filter.unitId()))) {
                return Optional.empty();
            }
            return kept(campaign, "SCHOOL", school.get().id(), category);
        }
        if (caller.isAdmin()) {
            return kept(campaign, "UNIT", filter.unitId(), category);
        }
        if (caller.is(Role.PROGRAMME_MANAGER) && caller.scope().kind() == Scope.Kind.UNIT) {
            long own = caller.scope().unitId();
            if (filter.unitId() == null || scopes.isWithin(filter.unitId(), own)) {
                return kept(campaign, "UNIT", filter.unitId() == null ? own : filter.unitId(), category);
            }
            if (scopes.isWithin(own, filter.unitId())) {
                return kept(campaign, "UNIT", own, category);
            }
        }
        return Optional.empty();
    }

    /** A school's or a commune's students of one category are few enough to count: those counts are not kept. */
    private Optional<Map<StudentStatus, Long>> kept(long campaign, String placeKind, Long placeId, String category) {
        if (category != null && !tallies.keepsCategories(placeKind, placeId)) {
            return Optional.empty();
        }
        return Optional.of(tallies.perStatus(campaign, placeKind, placeId, category));
    }
}
