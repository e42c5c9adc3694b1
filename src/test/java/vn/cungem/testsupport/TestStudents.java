package vn.cungem.testsupport;

import vn.cungem.shared.security.Caller;
import vn.cungem.student.StudentInput;
import vn.cungem.student.Students;

/** Students in need as the journeys register them: a grade 3 pupil of a poor household sharing a device, on 4G. */
public final class TestStudents {

    private TestStudents() {}

    /** The registration form's answers for one pupil; "Thị" in the name makes her a girl. */
    public static StudentInput needy(String name) {
        return new StudentInput(
                name,
                "12/05/2013",
                name.contains("Thị") ? "Nữ" : "Nam",
                null,
                null,
                null,
                "3",
                "3A",
                null,
                null,
                null,
                null,
                "Hộ nghèo",
                "Dùng chung",
                "4G",
                "",
                null);
    }

    /** Registers the pupil at the school and returns the new student's id. */
    public static long register(Students students, long campaign, long school, String name, Caller officer) {
        return students.register(campaign, school, needy(name), false, null, officer)
                .student()
                .id();
    }
}
