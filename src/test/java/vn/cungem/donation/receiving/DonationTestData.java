package vn.cungem.donation.receiving;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import vn.cungem.donation.TrackingCode;
import vn.cungem.testsupport.TestFixtures;

/** Campaigns, collection points and pledges written with SQL, so these tests do not depend on the pledge screens. */
public final class DonationTestData {

    private final JdbcClient jdbc;

    public DonationTestData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long campaign(long organiserUnitId) {
        OffsetDateTime now = OffsetDateTime.now();
        String code = TestFixtures.unique("CD");
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into campaign (code, name, name_folded, organising_unit_id, status, eligible_levels,
                                              created_at, updated_at)
                        values (?, ?, ?, ?, 'ACTIVE', 'PRIMARY', ?, ?)""")
                .params(code, "Sóng và máy tính cho em " + code, "song va may tinh cho em", organiserUnitId, now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public long point(long campaignId, long unitId, Long schoolId) {
        OffsetDateTime now = OffsetDateTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into collection_point (campaign_id, name, unit_id, school_id, address, opening_hours,
                                                      active, created_at, updated_at)
                        values (?, ?, ?, ?, '12 Võ Văn Ngân', '7:30–11:00 thứ Hai đến thứ Sáu', true, ?, ?)""")
                .params(campaignId, "Điểm nhận " + TestFixtures.unique("P"), unitId, schoolId, now, now)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public record Pledge(long id, String code, long donorId) {}

    /** A pledge of two laptops and ten sets of books, optionally with cash, from a donor with contact details. */
    public Pledge pledge(long campaignId, Long pointId, Long cashVnd, boolean wantsCertificate) {
        OffsetDateTime now = OffsetDateTime.now();
        var donorKeys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into donor (kind, name, name_folded, phone, email, named_publicly, anonymous,
                                           created_at, updated_at)
                        values ('INDIVIDUAL', 'Trần Thị Hoà', 'tran thi hoa', '0903123456', 'hoa.tran@example.vn',
                                false, false, ?, ?)""").params(now, now).update(donorKeys, "id");
        long donorId = donorKeys.getKeyAs(Number.class).longValue();
        String code = TrackingCode.generate(TrackingCode.PLEDGE).value();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into pledge (code, campaign_id, donor_id, collection_point_id, cash_amount_vnd, status,
                                            wants_certificate, created_at, updated_at)
                        values (?, ?, ?, ?, ?, 'PLEDGED', ?, ?, ?)""")
                .params(code, campaignId, donorId, pointId, cashVnd, wantsCertificate, now, now)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("""
                        insert into pledge_line (pledge_id, item_type, quantity, item_condition, accessories,
                                                 description, ordinal)
                        values (?, 'LAPTOP', 2, 'USED_WORKING', 'Sạc', 'Dell Latitude', 0),
                               (?, 'BOOKS_AND_SUPPLIES', 10, 'NEW', null, 'Bộ sách lớp 7', 1)""").params(id, id).update();
        return new Pledge(id, code, donorId);
    }

    public String pledgeStatus(long pledgeId) {
        return jdbc.sql("select status from pledge where id = ?")
                .param(pledgeId)
                .query(String.class)
                .single();
    }

    public static String pdfText(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    public static BufferedImage pdfPage(byte[] pdf) throws IOException {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(0, 200);
        }
    }

    /**
     * Reads a QR as a phone camera does, which sees it at many angles: ZXing's finder-pattern search misses about one
     * valid code in seventy in one orientation (the same code reads when turned a quarter), so a miss is retried turned.
     */
    public static String decodeQr(BufferedImage image) throws Exception {
        com.google.zxing.LuminanceSource source = new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image);
        try {
            return decode(source);
        } catch (com.google.zxing.NotFoundException
                | com.google.zxing.ChecksumException
                | com.google.zxing.FormatException miss) {
            return decode(source.rotateCounterClockwise());
        }
    }

    private static String decode(com.google.zxing.LuminanceSource source) throws Exception {
        var bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source));
        return new com.google.zxing.MultiFormatReader()
                .decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, true))
                .getText();
    }

    public static BufferedImage png(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }
}
