package vn.cungem.student.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.student.internal.StudentRepository.Stored;

/** The registered students a new or corrected one may be the same child as, in any campaign, merged ones left out. */
@Repository
public class DuplicateLookups {

    private final JdbcClient jdbc;

    DuplicateLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Students with this personal id hash or MOET student code. */
    public List<Stored> exactMatches(String personalIdHash, String moetCode, Long exceptId) {
        if (personalIdHash == null && moetCode == null) {
            return List.of();
        }
        return jdbc.sql(StudentRepository.SELECT + """
                         where s.status <> 'MERGED' and s.id <> ?
                           and (s.personal_id_hash = ? or s.moet_code = ?)
                         order by s.id limit 20""")
                .params(exceptId == null ? -1L : exceptId, personalIdHash, moetCode)
                .query(StudentRepository::stored)
                .list();
    }

    /** Same folded name and birth date, and the same school or the same guardian phone. */
    public List<Stored> likelyMatches(
            String nameFolded, LocalDate birthDate, long schoolId, String guardianPhone, Long exceptId) {
        return jdbc.sql(StudentRepository.SELECT + """
                         where s.status <> 'MERGED' and s.id <> ? and s.name_folded = ? and s.birth_date = ?
                           and (s.school_id = ? or s.guardian_phone = ?)
                         order by s.id limit 20""")
                .params(exceptId == null ? -1L : exceptId, nameFolded, birthDate, schoolId, guardianPhone)
                .query(StudentRepository::stored)
                .list();
    }
}
