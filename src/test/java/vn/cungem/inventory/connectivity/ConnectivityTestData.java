package vn.cungem.inventory.connectivity;

import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.shared.text.VietnameseText;
import vn.cungem.testsupport.TestFixtures;

/**
 * Numbers no other test (nor an earlier run on the same PostgreSQL database) has used, and telecom partners written
 * with SQL: a SIM's number and ICCID are unique across the programme.
 */
final class ConnectivityTestData {

    private ConnectivityTestData() {}

    /** A Viettel-looking 10-digit mobile number, 09 then 8 random digits (096x, 097x, 098x). */
    static String viettelNumber() {
        return "09" + (6 + ThreadLocalRandom.current().nextInt(3)) + digits(7);
    }

    /** A Vietnamese ICCID: 8984, the operator's code, then random digits to 19. */
    static String iccid() {
        return "898404" + digits(13);
    }

    static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    /** A Viettel SIM typed with nothing but its number, as a form or a file row may give it. */
    static Draft.Typed viettelSim() {
        return new Draft.Typed(
                ConnectionKind.SIM, "Viettel", viettelNumber(), null, null, null, null, null, null, null, null);
    }

    static long telecomPartner(JdbcClient jdbc, long homeUnit) {
        String name = "Viettel " + TestFixtures.unique("CN");
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("insert into partner_organisation (name, name_folded, kind, home_unit_id, created_at, updated_at)"
                        + " values (?, ?, 'TELECOM_OPERATOR', ?, ?, ?)")
                .params(name, VietnameseText.fold(name), homeUnit, now, now)
                .update();
        return jdbc.sql("select id from partner_organisation where name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }
}
