package vn.cungem.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.shared.jdbc.PostgresCopy;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * A move of a unit waits while a writer of counts kept by the tree is counting (the tree lock, PostgreSQL only), and
 * goes through once the writer has committed: the counts it moves are never being moved by someone else at the same
 * moment.
 */
@IntegrationTest
class TreeLockIntegrationTests {

    @Autowired
    TreeLock tree;

    @Autowired
    UnitDirectory units;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aMoveWaitsForAWriterCountingByTheTreeAndNotTheOtherWayRound() throws Exception {
        assumeTrue(PostgresCopy.isPostgres(dataSource), "an advisory lock of PostgreSQL; H2 runs on one node");
        long province = fixtures.unit("Tỉnh Khoá Cây", "province", null);
        long districtA = fixtures.unit("Huyện Khoá A", "district", province);
        long districtB = fixtures.unit("Huyện Khoá B", "district", province);
        long commune = fixtures.unit("Xã Khoá Cây", "commune", districtA);
        Caller admin = fixtures.admin().caller();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            tree.forCounting();
            // a second writer counts at the same time: the lock is shared among them
            tree.forCounting();
            counting.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(counting.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                    jdbc.sql("set local lock_timeout = '300ms'").update();
                    units.move(commune, districtB, "Sáp nhập", admin);
                }))
                .hasMessageContaining("lock");
        assertThat(units.get(commune, admin).parentId()).isEqualTo(districtA);
        release.countDown();
        writer.get(30, TimeUnit.SECONDS);
        tx.executeWithoutResult(s -> units.move(commune, districtB, "Sáp nhập", admin));
        assertThat(units.get(commune, admin).parentId()).isEqualTo(districtB);
    }
}
