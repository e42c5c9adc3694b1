package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A student's school and the unit copied from it (so scope filters are one join on {@code unit_closure}) are checked
 * by one composite key onto {@code school (id, unit_id)} instead of two separate keys, and the copy now follows the
 * school: when a school is moved to another commune or ward ({@code SchoolDirectory.move}), its students' unit moves
 * with it ({@code on update cascade}). Before, a moved school's students stayed in the old unit's scope.
 *
 * <p>It is also one foreign-key check per written student instead of two, which counts when an import writes 100,000
 * of them (issue 4 asks for under 8 s). For the same reason, on PostgreSQL the indexes on columns that are often empty
 * (the API's idempotency key, the MOET student code, the personal ID's blind index, the guardian's phone) leave the
 * empty rows out; every lookup on them is an equality, which such a partial index serves. H2 has no partial indexes
 * and keeps the full ones. The student index on {@code (campaign_id, school_id)} becomes {@code (school_id,
 * campaign_id)}: the same queries use it (they all give both), and the cascade finds a school's students with it.
 *
 * <p>Java, because the foreign keys have names the database chose, which differ between H2 and PostgreSQL.
 */
public class V86__student_follows_its_school extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Set<String> names = new LinkedHashSet<>();
        try (ResultSet keys =
                connection.getMetaData().getImportedKeys(connection.getCatalog(), connection.getSchema(), "student")) {
            while (keys.next()) {
                String column = keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT);
                if (column.equals("school_id") || column.equals("unit_id")) {
                    names.add(keys.getString("FK_NAME"));
                }
            }
        }
        if (names.size() != 2) {
            throw new IllegalStateException("Expected the school and unit keys of student, found " + names);
        }
        boolean postgres = connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgresql");
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table school add constraint school_id_unit_uk unique (id, unit_id)");
            for (String name : names) {
                // Names come from the database's own catalogue, never from input; quoted, as the catalogue spells them.
                sql.execute("alter table student drop constraint \"" + name + "\"");
            }
            sql.execute("alter table student add constraint student_school_unit_fk foreign key (school_id, unit_id)"
                    + " references school (id, unit_id) on update cascade");
            sql.execute("drop index student_campaign_school_ix");
            sql.execute("create index student_school_campaign_ix on student (school_id, campaign_id)");
            if (!postgres) {
                return;
            }
            sql.execute("drop index student_idempotency_key_uq");
            sql.execute("create unique index student_idempotency_key_uq on student (idempotency_key)"
                    + " where idempotency_key is not null");
            for (String column : new String[] {"moet_code", "personal_id_hash", "guardian_phone"}) {
                sql.execute("drop index student_" + column + "_ix");
                sql.execute("create index student_" + column + "_ix on student (" + column + ") where " + column
                        + " is not null");
            }
        }
    }
}
