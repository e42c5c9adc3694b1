package vn.cungem.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.Reservations;
import vn.cungem.inventory.Reservations.Claim;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * A student without internet gets a SIM with the laptop (issue 14): the plan's connectivity line is reserved with the
 * device in one call, handed over on the same record with the SIM's operator, number, allowance and expiry, and released
 * or taken back with the device.
 */
@IntegrationTest
@RecordApplicationEvents
class HandoverConnectivityIntegrationTests {

    /** Keys of this run: a PostgreSQL test database keeps the records of earlier runs, and a key is unique. */
    final String run = TestFixtures.unique("k");

    @Autowired
    Handovers handovers;

    @Autowired
    Reservations reservations;

    @Autowired
    Inventory inventory;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEvents events;

    HandoverTestData data;

    @BeforeEach
    void setUp() {
        data = new HandoverTestData(fixtures, jdbc, publisher, tx, inventory, reservations);
    }

    /** A student with a laptop and a 4G SIM reserved together, as allocation's approval passes a plan's lines. */
    private long[] studentWithLaptopAndSim(String name, String plan) {
        long student = data.data.student(name);
        long laptop = data.data.readyDevice(ItemType.LAPTOP);
        long sim = data.data.readyDevice(ItemType.SIM_4G);
        reservations.reserveAll(
                data.campaign(), plan, List.of(new Claim(laptop, student), new Claim(sim, student)), data.manager);
        return new long[] {student, laptop, sim};
    }

    private String status(long itemId) {
        return jdbc.sql("select status from inventory_item where id = ?")
                .param(itemId)
                .query(String.class)
                .single();
    }

    /** The SIM card in the laptop's box, as the connectivity register pairs it. */
    private void pairSimWith(long laptop, String number) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                        insert into inventory_connection (kind, operator, phone_number, allowance_gb, activated_on,
                               expires_on, status, campaign_id, unit_id, paired_item_id, paired_at, created_at, updated_at)
                        values ('SIM', 'VIETTEL', ?, 4, ?, ?, 'ACTIVATED', ?, ?, ?, ?, ?, ?)""")
                .params(
                        number,
                        LocalDate.of(2026, 9, 1),
                        LocalDate.of(2027, 8, 31),
                        data.campaign(),
                        data.district(),
                        laptop,
                        now,
                        now,
                        now)
                .update();
    }

    @Test
    void theSimGoesOnTheLaptopsRecordAndComesBackWithIt() {
        long[] an = studentWithLaptopAndSim("Phạm Minh An", "PLAN-AN");
        assertThat(status(an[1])).isEqualTo("RESERVED");
        assertThat(status(an[2])).isEqualTo("RESERVED");
        pairSimWith(an[1], "0987" + (100000 + (System.nanoTime() % 899999)));
        long batch = handovers.createBatch(
                new NewBatch(data.campaign(), data.school(), Handovers.today(), Batch.PlaceKind.SCHOOL, null),
                data.manager);
        long entry = data.entryOf(handovers, batch, an[0]);

        RecordView r = handovers.record(
                entry,
                new NewRecord(
                        List.of(data.data.tagOf(an[1])),
                        "Phạm Văn Bố",
                        "Cha",
                        null,
                        null,
                        HandoverTestData.signature(),
                        null,
                        null,
                        false,
                        null),
                run + "-an",
                data.manager);

        assertThat(r.items()).extracting(RecordView.Item::itemId).containsExactlyInAnyOrder(an[1], an[2]);
        RecordView.Item laptop =
                r.items().stream().filter(i -> i.itemId() == an[1]).findFirst().orElseThrow();
        assertThat(laptop.connection())
                .contains("Viettel")
                .contains("0987")
                .contains("4 GB")
                .contains("31/08/2027");
        assertThat(status(an[1])).isEqualTo("HANDED_OVER");
        assertThat(status(an[2])).isEqualTo("HANDED_OVER");
        // follow-up checks the device, not the SIM that went with it
        assertThat(events.stream(DeviceHandedOver.class))
                .extracting(DeviceHandedOver::itemId)
                .containsExactly(an[1]);

        reservations.takeBack(data.data.tagOf(an[1]), "Chuyển trường", run + "-back-an", data.manager);
        assertThat(status(an[1])).isEqualTo("RETURNED");
        assertThat(status(an[2])).isEqualTo("RETURNED");
        assertThat(reservations.heldBy(List.of(an[0]))).isEmpty();
    }

    @Test
    void theSimAloneIsRefusedWhileTheStudentsLaptopWaits() {
        long[] dung = studentWithLaptopAndSim("Hoàng Văn Dũng", "PLAN-DUNG");
        long batch = handovers.createBatch(
                new NewBatch(data.campaign(), data.school(), Handovers.today(), Batch.PlaceKind.SCHOOL, null),
                data.manager);
        long entry = data.entryOf(handovers, batch, dung[0]);
        NewRecord simOnly = new NewRecord(
                List.of(data.data.tagOf(dung[2])),
                "Hoàng Văn Bố",
                "Cha",
                null,
                null,
                HandoverTestData.signature(),
                null,
                null,
                false,
                null);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> handovers.record(entry, simOnly, run + "-dung", data.manager))
                .isInstanceOfSatisfying(
                        vn.cungem.shared.InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("handover.scan-device"));
        assertThat(status(dung[1])).isEqualTo("RESERVED");
        assertThat(status(dung[2])).isEqualTo("RESERVED");
    }

    @Test
    void releasingTheLaptopReleasesItsSimAndNothingElse() {
        long[] binh = studentWithLaptopAndSim("Đỗ Thanh Bình", "PLAN-BINH");
        long[] chi = studentWithLaptopAndSim("Vũ Ngọc Chi", "PLAN-CHI");

        reservations.release(data.data.tagOf(binh[1]), "Kế hoạch rút lại", run + "-release-binh", data.manager);

        assertThat(status(binh[1])).isEqualTo("READY");
        assertThat(status(binh[2])).isEqualTo("READY");
        assertThat(status(chi[1])).isEqualTo("RESERVED");
        assertThat(status(chi[2])).isEqualTo("RESERVED");
    }
}
