package vn.cungem.inventory.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * Issue 13: "two volunteers scanning the same item at the same moment leave exactly one consistent result and one
 * history line each attempt can explain". Run on PostgreSQL by CUNGEM_TEST_DB_URL (where the second update waits for
 * the first's row lock, then finds the version moved on), and on H2.
 */
@IntegrationTest
class ItemWorkConcurrencyIntegrationTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Inventory inventory;

    @Autowired
    ItemWork work;

    @Autowired
    ItemHistory history;

    @Test
    void twoVolunteersScanningOneDeviceAtOnceLeaveOneResultAndTwoExplainedLines() throws Exception {
        var data = new WorkshopTestData(fixtures, jdbc, events, tx, inventory);
        Caller an = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.district, null, null)
                .caller();
        Caller binh = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.district, null, null)
                .caller();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String tag = data.device(ItemType.LAPTOP);
                int seen = work.item(tag, an).version();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Object>> attempts = new ArrayList<>();
                // both saw the device received and both start its inspection
                attempts.add(pool.submit(() -> attempt(start, tag, ItemMove.START_INSPECTION, seen, an)));
                attempts.add(pool.submit(() -> attempt(start, tag, ItemMove.START_INSPECTION, seen, binh)));
                start.countDown();
                List<Object> results = new ArrayList<>();
                for (Future<Object> f : attempts) {
                    results.add(f.get(30, TimeUnit.SECONDS));
                }
                assertThat(results)
                        .filteredOn(ItemWork.Outcome.class::isInstance)
                        .hasSize(1);
                assertThat(results)
                        .filteredOn(ConflictException.class::isInstance)
                        .singleElement()
                        .satisfies(e -> {
                            assertThat(((ConflictException) e).code()).isEqualTo("inventory.stale");
                            assertThat(((ConflictException) e).messageEn())
                                    .contains("Someone else just changed this device")
                                    .contains("\"In inspection\"");
                        });
                WorkItem after = work.item(tag, an);
                assertThat(after.status()).isEqualTo(ItemStatus.IN_INSPECTION);
                assertThat(after.version()).isEqualTo(seen + 1);
                List<ItemHistory.Line> lines = history.of(tag, an);
                assertThat(lines).hasSize(2);
                assertThat(lines).allSatisfy(l -> {
                    assertThat(l.seenVersion()).isEqualTo(seen);
                    assertThat(l.from()).isEqualTo(ItemStatus.RECEIVED);
                    assertThat(l.to()).isEqualTo(ItemStatus.IN_INSPECTION);
                });
                assertThat(lines).filteredOn(ItemHistory.Line::applied).hasSize(1);
                assertThat(lines)
                        .extracting(ItemHistory.Line::actor)
                        .containsExactlyInAnyOrder(an.displayName(), binh.displayName());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Object attempt(CountDownLatch start, String tag, ItemMove move, int seen, Caller who)
            throws InterruptedException {
        start.await();
        try {
            return work.move(tag, move, seen, null, null, who);
        } catch (ConflictException e) {
            return e;
        }
    }
}
