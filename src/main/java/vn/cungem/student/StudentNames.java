package vn.cungem.student;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;

/**
 * Names for another module's page of students (allocation's plan review shows students by number), read in one query
 * per page rather than one per row. A name is whole only for a reader who covers the child (see {@link Students});
 * other managers and school officers get it masked; every other role (partners, volunteers, the public) gets no names
 * at all, so a page built for them falls back to numbers.
 */
@Service
public class StudentNames {

    /** {@code masked}: the reader may not know the child, and the text is the masked name. */
    public record Name(String text, boolean masked) {}

    /** More ids than this go in several queries: a bound list stays well under both databases' parameter limits. */
    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final Students students;

    StudentNames(JdbcClient jdbc, Students students) {
        this.jdbc = jdbc;
        this.students = students;
    }

    /** The names of those of {@code ids} that exist, as this reader may see them; ids not found are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Name> of(Collection<Long> ids, Caller caller) {
        Map<Long, Name> names = new HashMap<>();
        if (ids.isEmpty()
                || !(caller.isAdmin() || caller.is(Role.PROGRAMME_MANAGER) || caller.is(Role.SCHOOL_OFFICER))) {
            return names;
        }
        List<Long> all = new ArrayList<>(ids.stream().distinct().toList());
        for (int from = 0; from < all.size(); from += CHUNK) {
            jdbc.sql("select id, full_name, school_id, unit_id from student where id in (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .query(rs -> {
                        String full = rs.getString(2);
                        boolean visible = students.covers(caller, rs.getLong(3), rs.getLong(4));
                        names.put(rs.getLong(1), new Name(visible ? full : MaskedName.of(full), !visible));
                    });
        }
        return names;
    }
}
