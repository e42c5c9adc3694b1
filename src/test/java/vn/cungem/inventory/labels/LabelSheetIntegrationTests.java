package vn.cungem.inventory.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.ItemCondition;
import vn.cungem.donation.Receipts;
import vn.cungem.donation.receiving.DonationTestData;
import vn.cungem.identity.account.AccountDetails;
import vn.cungem.inventory.Inventory;
import vn.cungem.shared.security.Role;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/** Issue 13: an A4 sheet of 3 × 8 QR labels, one per item, each QR read back from the printed page. */
@IntegrationTest
class LabelSheetIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Receipts receipts;

    @Autowired
    Inventory inventory;

    @Test
    void aReceiptsLabelsHoldOneReadableQrPerItemInTheSheetsCellsAndTheOfficerMayPrintThem() throws Exception {
        DonationTestData data = new DonationTestData(jdbc);
        long district =
                fixtures.unit("Thành phố Thủ Đức", "district", fixtures.unit("Thành phố HCM", "province", null));
        long school = fixtures.school("Trường THCS Linh Trung", district);
        long campaign = data.campaign(district);
        long point = data.point(campaign, district, school);
        AccountDetails officer = fixtures.account(Role.SCHOOL_OFFICER, null, school, null);
        var r = receipts.record(
                campaign,
                new Receipts.NewReceipt(
                        point,
                        null,
                        new Receipts.WalkIn(null, null, null, true),
                        null,
                        List.of(
                                new Receipts.Line(ItemType.LAPTOP, 4, ItemCondition.USED_WORKING, null, null, null),
                                new Receipts.Line(ItemType.SMARTPHONE, 1, ItemCondition.NEW, null, null, null),
                                new Receipts.Line(ItemType.BOOKS_AND_SUPPLIES, 9, ItemCondition.NEW, null, null, null)),
                        null,
                        null),
                officer.caller());
        List<String> tags = inventory.itemsOfReceipt(r.id()).stream()
                .map(Inventory.Item::tag)
                .toList();
        assertThat(tags).hasSize(5);

        byte[] pdf = mvc.perform(get("/campaigns/{id}/receipts/{r}/labels.pdf", campaign, r.id())
                        .with(user(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        String text = DonationTestData.pdfText(pdf);
        assertThat(text).contains("Máy tính xách tay").contains("Điện thoại");
        tags.forEach(t -> assertThat(text).contains(t));
        List<String> decoded = new ArrayList<>();
        try (var doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isCloseTo(595f, org.assertj.core.data.Offset.offset(2f));
            int dpi = 200;
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, dpi);
            int w = mm(70, dpi);
            int h = mm(37, dpi);
            int top = mm(0.5, dpi);
            for (int cell = 0; cell < 24; cell++) {
                BufferedImage label = page.getSubimage((cell % 3) * w, top + (cell / 3) * h, w, h);
                try {
                    decoded.add(DonationTestData.decodeQr(label));
                } catch (com.google.zxing.NotFoundException empty) {
                    // a cell without a label
                }
            }
        }
        assertThat(decoded)
                .containsExactlyElementsOf(tags.stream()
                        .map(t -> "http://localhost:8080/inventory/items/" + t)
                        .toList());
    }

    @Test
    void aSelectionOfTagsIsPrintedOnlyWhenEveryItemIsInScope() throws Exception {
        DonationTestData data = new DonationTestData(jdbc);
        long city = fixtures.unit("Thành phố HCM", "province", null);
        long district = fixtures.unit("Thành phố Thủ Đức", "district", city);
        long campaign = data.campaign(district);
        long point = data.point(campaign, district, null);
        AccountDetails manager = fixtures.manager(district);
        AccountDetails outsider = fixtures.manager(fixtures.unit("Quận 3", "district", city));
        var r = receipts.record(
                campaign,
                new Receipts.NewReceipt(
                        point,
                        null,
                        new Receipts.WalkIn(null, null, null, true),
                        null,
                        List.of(new Receipts.Line(ItemType.TABLET, 2, ItemCondition.NEW, null, null, null)),
                        null,
                        null),
                manager.caller());
        List<String> tags = inventory.itemsOfReceipt(r.id()).stream()
                .map(Inventory.Item::tag)
                .toList();
        byte[] pdf = mvc.perform(get("/inventory/labels.pdf")
                        .with(user(manager))
                        .param("tag", tags.get(1), tags.get(0), tags.get(1)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = DonationTestData.pdfText(pdf);
        assertThat(text.split(tags.get(1), -1)).hasSize(2);
        assertThat(text).contains(tags.get(0));
        mvc.perform(get("/inventory/labels.pdf").with(user(outsider)).param("tag", tags.get(0)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/inventory/labels.pdf").with(user(manager))).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/inventory/labels.pdf").with(user(manager)).param("tag", tags.get(0)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("application/pdf"));
        mvc.perform(get("/api/v1/inventory/labels.pdf").with(user(outsider)).param("tag", tags.get(0)))
                .andExpect(status().isNotFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail_en")
                        .exists());
    }

    private static int mm(double mm, int dpi) {
        return (int) Math.round(mm / 25.4 * dpi);
    }
}
