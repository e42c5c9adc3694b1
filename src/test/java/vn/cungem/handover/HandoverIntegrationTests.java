package vn.cungem.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.Reservations;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

@IntegrationTest
@RecordApplicationEvents
class HandoverIntegrationTests {

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
    Caller volunteer;
    Caller officer;
    long lan;
    long huy;
    long batch;

    @BeforeEach
    void setUp() {
        data = new HandoverTestData(fixtures, jdbc, publisher, tx, inventory, reservations);
        volunteer = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.district(), null, null)
                .caller();
        officer = fixtures.account(Role.SCHOOL_OFFICER, data.district(), data.school(), null)
                .caller();
        var scheduled = data.scheduleTwo(handovers, Batch.PlaceKind.SCHOOL, null);
        lan = scheduled.lan();
        huy = scheduled.huy();
        batch = scheduled.batch();
    }

    private Batch.Entry entryOf(long studentId, Caller caller) {
        return handovers.batch(batch, caller).entries().stream()
                .filter(e -> e.studentId() == studentId)
                .findFirst()
                .orElseThrow();
    }

    private NewRecord signedFor(String... tags) {
        return new NewRecord(
                List.of(tags),
                "Nguyễn Văn Bố",
                "Cha",
                "0912 345 678",
                null,
                HandoverTestData.signature(),
                null,
                null,
                false,
                null);
    }

    private long records(long studentId) {
        return jdbc.sql("select count(*) from handover_record where student_id = ?")
                .param(studentId)
                .query(Long.class)
                .single();
    }

    private String status(String tag) {
        return jdbc.sql("select status from inventory_item where tag = ?")
                .param(tag)
                .query(String.class)
                .single();
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstRecordAndTheEventIsPublishedOnce() {
        String tag = data.tagOf(lan);
        long entry = entryOf(lan, volunteer).id();

        RecordView first = handovers.record(entry, signedFor(tag), run + "-phone-key-1", volunteer);
        RecordView again = handovers.record(entry, signedFor(tag), run + "-phone-key-1", volunteer);

        assertThat(again.number()).isEqualTo(first.number());
        assertThat(first.number()).matches("BG-\\d{4}-\\d{6}");
        assertThat(records(lan)).isEqualTo(1);
        assertThat(status(tag)).isEqualTo("HANDED_OVER");
        assertThat(events.stream(DeviceHandedOver.class).filter(e -> e.studentId() == lan))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.tag()).isEqualTo(tag);
                    assertThat(e.handoverId()).isEqualTo(first.id());
                    assertThat(e.schoolId()).isEqualTo(data.school());
                    assertThat(e.handedOn()).isEqualTo(Handovers.today());
                });
        assertThat(entryOf(lan, volunteer).recordNumber()).isEqualTo(first.number());
    }

    @Test
    void aSecondRecordForTheSameStudentUnderAnotherKeyIsRefused() {
        String tag = data.tagOf(lan);
        long entry = entryOf(lan, volunteer).id();
        RecordView first = handovers.record(entry, signedFor(tag), run + "-phone-key-a", volunteer);

        assertThatThrownBy(() -> handovers.record(entry, signedFor(tag), run + "-phone-key-b", volunteer))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo("handover.already-recorded");
                    assertThat(e.messageVi()).contains(first.number());
                });
        assertThat(records(lan)).isEqualTo(1);
    }

    @Test
    void aWrongTagRecordsNothing() {
        long entry = entryOf(lan, volunteer).id();
        String huysTag = data.tagOf(huy);

        assertThatThrownBy(() -> handovers.record(entry, signedFor("KHONG-CO-MA"), run + "-wrong-1", volunteer))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e).isNotInstanceOf(ConflictException.class);
                    assertThat(e.code()).isEqualTo("handover.wrong-tag");
                    assertThat(e.messageVi()).contains("KHONG-CO-MA");
                });
        // Huy's laptop offered to Lan: the right device must go to the right child
        assertThatThrownBy(() -> handovers.record(entry, signedFor(huysTag), run + "-wrong-2", volunteer))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("handover.not-for-student"));

        assertThat(records(lan)).isZero();
        assertThat(status(huysTag)).isEqualTo("RESERVED");
        assertThat(status(data.tagOf(lan))).isEqualTo("RESERVED");
        assertThat(events.stream(DeviceHandedOver.class)).isEmpty();
    }

    @Test
    void aDeviceReassignedWhileThePhoneWasOfflineIsAConflictAndNothingIsStored() {
        String tag = data.tagOf(lan);
        long entry = entryOf(lan, volunteer).id();
        long mai = data.data.student("Phạm Thị Mai");
        // meanwhile the office gives Lan's laptop to Mai
        // (as a release and a new approval leave it; releasing needs a wipe, which is the workshop's tests' business)
        jdbc.sql("update inventory_item set student_id = ?, reservation_ref = 'PLAN-MAI' where tag = ?")
                .params(mai, tag)
                .update();

        assertThatThrownBy(() -> handovers.record(entry, signedFor(tag), run + "-offline-key", volunteer))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("handover.not-for-student"));

        assertThat(records(lan)).isZero();
        assertThat(reservations.byTag(tag).orElseThrow().studentId()).isEqualTo(mai);
        assertThat(status(tag)).isEqualTo("RESERVED");
        assertThat(events.stream(DeviceHandedOver.class)).isEmpty();
    }

    @Test
    void aRecordWithoutSignatureOrPhotoIsRefusedAndAFakePhotoToo() {
        String tag = data.tagOf(lan);
        long entry = entryOf(lan, volunteer).id();
        NewRecord unsigned = new NewRecord(List.of(tag), "Bố", "Cha", null, null, null, null, null, false, null);
        NewRecord notAPhoto = new NewRecord(
                List.of(tag), "Bố", "Cha", null, null, null, "<html>".getBytes(), "image/jpeg", false, null);

        assertThatThrownBy(() -> handovers.record(entry, unsigned, run + "-unsigned", volunteer))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("handover.unsigned"));
        assertThatThrownBy(() -> handovers.record(entry, notAPhoto, run + "-photo", volunteer))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("handover.photo-type"));
        assertThat(records(lan)).isZero();
        assertThat(status(tag)).isEqualTo("RESERVED");
    }

    @Test
    void aPhotoOfTheSignedPaperIsEnoughAndItsTypeIsReadFromItsBytes() {
        String tag = data.tagOf(lan);
        long entry = entryOf(lan, volunteer).id();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};

        RecordView r = handovers.record(
                entry,
                new NewRecord(List.of(tag), "Bố", "Cha", null, null, null, jpeg, "image/png", true, null),
                run + "-p",
                volunteer);

        assertThat(r.paperPhoto()).isTrue();
        assertThat(r.signed()).isFalse();
        assertThat(r.madeOffline()).isTrue();
        assertThat(jdbc.sql("select paper_photo_type from handover_record where id = ?")
                        .param(r.id())
                        .query(String.class)
                        .single())
                .isEqualTo("image/jpeg");
    }

    @Test
    void volunteersSeeMaskedNamesOfficersSeeTheChildAndOtherDistrictsSeeNothing() {
        Batch.Entry asVolunteer = entryOf(lan, volunteer);
        Batch.Entry asOfficer = entryOf(lan, officer);
        long otherDistrict = fixtures.unit(TestFixtures.unique("Huyện "), "district", data.data.workshop.city);
        Caller stranger = fixtures.account(Role.VOLUNTEER_TECHNICIAN, otherDistrict, null, null)
                .caller();

        assertThat(asOfficer.name()).isEqualTo("Nguyễn Thị Lan");
        assertThat(asOfficer.masked()).isFalse();
        assertThat(asOfficer.address()).isEqualTo("12 Lê Lợi");
        assertThat(asVolunteer.masked()).isTrue();
        assertThat(asVolunteer.name()).isNotEqualTo("Nguyễn Thị Lan").doesNotContain("Lan");
        assertThat(asVolunteer.address()).isNull();
        assertThat(asVolunteer.guardianName()).isNull();
        assertThat(asVolunteer.className()).isEqualTo("7A");
        assertThat(asVolunteer.tags()).containsExactly(data.tagOf(lan));
        assertThatThrownBy(() -> handovers.batch(batch, stranger)).isInstanceOf(NotFoundException.class);
        assertThat(handovers.today(stranger)).noneMatch(b -> b.id() == batch);
        assertThat(handovers.today(volunteer)).anyMatch(b -> b.id() == batch);
        assertThatThrownBy(
                        () -> handovers.record(asVolunteer.id(), signedFor(data.tagOf(lan)), "stranger-key", stranger))
                .isInstanceOf(NotFoundException.class);
        assertThat(records(lan)).isZero();
    }

    @Test
    void theRecordShowsTheGuardianOnlyToTheSchoolAndItsAuthorAndPrintsInTheOfficialLayout() throws Exception {
        String tag = data.tagOf(lan);
        RecordView made = handovers.record(entryOf(lan, volunteer).id(), signedFor(tag), run + "-pdf-key", volunteer);
        Caller colleague = fixtures.account(Role.VOLUNTEER_TECHNICIAN, data.district(), null, null)
                .caller();

        assertThat(made.guardianName()).isEqualTo("Nguyễn Văn Bố");
        assertThat(made.studentName()).doesNotContain("Lan");
        RecordView seenByColleague = handovers.recordView(made.number(), colleague);
        assertThat(seenByColleague.guardianName()).isNull();
        assertThat(seenByColleague.guardianPhone()).isNull();
        assertThat(handovers.signature(made.number(), colleague)).isEmpty();
        assertThat(handovers.signature(made.number(), officer))
                .get()
                .satisfies(png -> assertThat(png[1]).isEqualTo((byte) 'P'));

        String text = DonationTestData.pdfText(handovers.pdf(made.number(), officer, Locale.ENGLISH));
        assertThat(text)
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("Độc lập - Tự do - Hạnh phúc")
                .contains("BIÊN BẢN BÀN GIAO")
                .contains(made.number())
                .contains("Nguyễn Thị Lan")
                .contains("Nguyễn Văn Bố")
                .contains("0912345678")
                .contains(tag);
        assertThat(DonationTestData.pdfText(handovers.pdf(made.number(), colleague, Locale.ENGLISH)))
                .contains(made.number())
                .doesNotContain("Nguyễn Thị Lan")
                .doesNotContain("0912345678");
    }

    @Test
    void aStudentIsScheduledOnceAndASchoolWithNobodyLeftIsToldSo() {
        assertThatThrownBy(() -> handovers.createBatch(
                        new NewBatch(data.campaign(), data.school(), Handovers.today(), Batch.PlaceKind.HOME, null),
                        data.manager))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("handover.batch-empty"));
        assertThatThrownBy(() -> handovers.createBatch(
                        new NewBatch(
                                data.campaign(),
                                data.school(),
                                Handovers.today().minusDays(1),
                                Batch.PlaceKind.SCHOOL,
                                null),
                        data.manager))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("handover.batch-date"));
        assertThatThrownBy(() -> handovers.createBatch(
                        new NewBatch(data.campaign(), data.school(), Handovers.today(), Batch.PlaceKind.SCHOOL, null),
                        volunteer))
                .isInstanceOf(NotFoundException.class);
    }
}
