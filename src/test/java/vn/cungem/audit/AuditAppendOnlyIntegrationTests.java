package vn.cungem.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The audit log is append-only in the database itself (V99): an entry written by the application cannot be changed
 * or removed through the application's own connections, whatever the statement.
 */
@IntegrationTest
class AuditAppendOnlyIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    String entityId;
    long entry;

    @BeforeEach
    void oneEntry() {
        entityId = TestFixtures.unique("audit-");
        new TransactionTemplate(transactions)
                .executeWithoutResult(status ->
                        events.publishEvent(DomainChange.created("test_entity", entityId, null, Map.of("n", 1))));
        entry = jdbc.sql("select id from audit_entry where entity_type = 'test_entity' and entity_id = ?")
                .param(entityId)
                .query(Long.class)
                .single();
    }

    @Test
    void anEntryIsNeverUpdated() {
        for (String sql : new String[] {
            "update audit_entry set reason = 'sửa lại' where id = ?",
            "update audit_entry set after_json = null, actor_name = 'người khác' where id = ?",
            "update audit_entry set id = id where id = ?"
        }) {
            assertThatThrownBy(() -> jdbc.sql(sql).param(entry).update())
                    .as(sql)
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("audit_entry is append-only: UPDATE refused");
        }
        assertThat(jdbc.sql("select reason is null and actor_name <> 'người khác' from audit_entry where id = ?")
                        .param(entry)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void anEntryIsNeverDeleted() {
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where id = ?")
                        .param(entry)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_entry is append-only: DELETE refused");
        assertThat(jdbc.sql("select count(*) from audit_entry where id = ?")
                        .param(entry)
                        .query(Long.class)
                        .single())
                .isOne();
    }

    /** PostgreSQL only: H2 fires no trigger on TRUNCATE, so the test database on H2 would lose its log. */
    @Test
    void truncateIsRefusedOnPostgresql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductName().equals("PostgreSQL"));
        }
        // In a transaction rolled back whatever happens: TRUNCATE is transactional on PostgreSQL.
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    status.setRollbackOnly();
                    jdbc.sql("truncate table audit_entry").update();
                }))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("audit_entry is append-only: TRUNCATE refused");
        assertThat(jdbc.sql("select count(*) from audit_entry where id = ?")
                        .param(entry)
                        .query(Long.class)
                        .single())
                .isOne();
    }
}
