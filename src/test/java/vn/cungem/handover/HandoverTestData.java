package vn.cungem.handover;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.cungem.campaign.ItemType;
import vn.cungem.inventory.Inventory;
import vn.cungem.inventory.Reservations;
import vn.cungem.inventory.Reservations.Claim;
import vn.cungem.inventory.work.ReservationTestData;
import vn.cungem.inventory.work.WorkshopTestData;
import vn.cungem.shared.security.Caller;
import vn.cungem.testsupport.TestFixtures;

/** A school with approved students, each with a laptop reserved for them by a manager, ready to be handed over. */
public final class HandoverTestData {

    public final ReservationTestData data;
    public final Caller manager;
    private final Reservations reservations;
    private final JdbcClient jdbc;

    public HandoverTestData(
            TestFixtures fixtures,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            TransactionTemplate tx,
            Inventory inventory,
            Reservations reservations) {
        this.data =
                new ReservationTestData(new WorkshopTestData(fixtures, jdbc, events, tx, inventory), fixtures, jdbc);
        this.manager = fixtures.manager(data.workshop.district).caller();
        this.reservations = reservations;
        this.jdbc = jdbc;
    }

    public long campaign() {
        return data.workshop.campaign;
    }

    public long school() {
        return data.school;
    }

    public long district() {
        return data.workshop.district;
    }

    /** An approved student of the school in class 7A with a guardian, and a laptop reserved for them; the student's id. */
    public long studentWithLaptop(String name) {
        long student = data.student(name);
        jdbc.sql(
                        "update student set class_name = '7A', guardian_name = 'Trần Văn Bố', address = '12 Lê Lợi' where id = ?")
                .param(student)
                .update();
        long item = data.readyDevice(ItemType.LAPTOP);
        reservations.reserveAll(campaign(), "PLAN-" + student, List.of(new Claim(item, student)), manager);
        return student;
    }

    /** Two students of class 7A (Lan and Huy), each with a laptop reserved, scheduled in one batch for today. */
    public record Scheduled(long lan, long huy, long batch) {}

    public Scheduled scheduleTwo(Handovers handovers, Batch.PlaceKind place, String placeNote) {
        long lan = studentWithLaptop("Nguyễn Thị Lan");
        long huy = studentWithLaptop("Lê Quang Huy");
        long batch =
                handovers.createBatch(new NewBatch(campaign(), school(), Handovers.today(), place, placeNote), manager);
        return new Scheduled(lan, huy, batch);
    }

    /** The student's entry in the batch, as the manager reads it. */
    public long entryOf(Handovers handovers, long batch, long studentId) {
        return handovers.batch(batch, manager).entries().stream()
                .filter(e -> e.studentId() == studentId)
                .findFirst()
                .orElseThrow()
                .id();
    }

    public String tagOf(long studentId) {
        return reservations.heldBy(List.of(studentId)).get(0).tag();
    }

    /** A small signature as the phone sends it: a PNG data URI. */
    public static String signature() {
        BufferedImage image = new BufferedImage(60, 20, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().drawLine(2, 10, 58, 12);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }
}
