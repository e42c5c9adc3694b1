package vn.cungem.followup.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.cungem.organisation.SchoolDirectory;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.Students;

/**
 * Names beside follow-up rows: a student's name only as the student module shows it to this reader (a student the
 * reader does not cover gets no name), a school's name to anyone who sees the row.
 */
@Component
class Names {

    private final Students students;
    private final SchoolDirectory schools;

    Names(Students students, SchoolDirectory schools) {
        this.students = students;
        this.schools = schools;
    }

    Map<Long, String> students(Collection<Long> ids, Caller caller) {
        Map<Long, String> names = new HashMap<>();
        for (long id : ids) {
            if (names.containsKey(id)) {
                continue;
            }
            try {
                names.put(id, students.get(id, caller).fullName());
            } catch (NotFoundException e) {
                names.put(id, null);
            }
        }
        return names;
    }

    Map<Long, String> schools(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        for (long id : ids) {
            names.computeIfAbsent(id, k -> schools.find(k).map(s -> s.name()).orElse(""));
        }
        return names;
    }
}
