package vn.cungem.student;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.cungem.shared.text.Bundles;
import vn.cungem.student.internal.StudentRepository.Stored;

/** What the audit log keeps of a student: enough to follow the change, never the personal id, phone or address. */
final class StudentSnapshots {

    /** That a field has a value, in both languages: the audit log is one record for every reader. */
    private static final String SET = Bundles.vi("student.audit.set") + " / " + Bundles.en("student.audit.set");

    private StudentSnapshots() {}

    static Map<String, Object> of(Stored s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fullName", s.fullName());
        m.put("school", s.schoolName());
        m.put("grade", s.grade());
        m.put("categories", s.categories());
        m.put("deviceSituation", s.deviceSituation().name());
        m.put("connectivity", s.connectivity().name());
        m.put("needs", s.needs().codes());
        m.put("priorityScore", s.priorityScore());
        m.put("status", s.status().name());
        m.put("personalId", s.personalIdCipher() == null ? "" : SET);
        return m;
    }

    /** With which contact details the record has (not their values: the audit log is read more widely). */
    static Map<String, Object> withContact(Stored s) {
        Map<String, Object> m = of(s);
        m.put("moetCode", s.moetCode() == null ? "" : SET);
        m.put("homeUnit", s.homeUnitName() == null ? "" : s.homeUnitName());
        m.put("address", s.address() == null ? "" : SET);
        m.put("guardianName", s.guardianName() == null ? "" : SET);
        m.put("guardianPhone", s.guardianPhone() == null ? "" : SET);
        return m;
    }
}
