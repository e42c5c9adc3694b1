package vn.cungem.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import vn.cungem.campaign.ItemType;
import vn.cungem.donation.vietqr.VietnameseBank;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.Money;
import vn.cungem.shared.mail.OutgoingMail;
import vn.cungem.shared.text.Bundles;
import vn.cungem.shared.text.Labelled;

/** The donation module's words come from its bundles, in both languages, with the wording they had before. */
class DonationWordingTests {

    private static final Path SOURCES = Path.of("src/main/java/vn/cungem/donation");

    /** A bundle key written out whole in the module's code (a key built from a prefix ends in a dot and is skipped). */
    private static final Pattern KEY = Pattern.compile(
            "\"((?:donation|cash|receipt|pledge|point|bank|label|integrity)\\.[A-Za-z0-9_.-]*[A-Za-z0-9_-])\"");

    /** A receipt rule names its code; its words sit under receipt.error.<the rest of the code>. */
    private static final Pattern RECEIPT_CODE = Pattern.compile("invalid\\(\\s*\"receipt\\.([a-z-]+)\"");

    @Test
    void everyKeyTheModuleNamesIsInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                Matcher key = KEY.matcher(code);
                while (key.find()) {
                    keys.add(key.group(1));
                }
                Matcher receipt = RECEIPT_CODE.matcher(code);
                while (receipt.find()) {
                    keys.add("receipt.error." + receipt.group(1));
                }
            }
        }
        assertThat(keys).contains("donation.error.pledge.campaign", "cash.error.amount", "receipt.error.line-type");
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            if (isMessage(key)) {
                for (Locale locale : List.of(Bundles.VIETNAMESE, Locale.ENGLISH)) {
                    try {
                        Bundles.text(key, locale);
                    } catch (org.springframework.context.NoSuchMessageException e) {
                        missing.add(key + " (" + locale + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Codes and keys share a shape; only the words' prefixes name bundle keys ("pledge.line.type" is also a code). */
    private static boolean isMessage(String literal) {
        return literal.matches(
                "(donation\\.error|cash\\.error|receipt\\.error|receipt\\.field|donation\\.donor|pledge\\.mail"
                        + "|cash\\.ledger|receipt\\.pledge|cash\\.statements)\\..+");
    }

    @Test
    void choicesAreNamedByTheBundlesAndBanksByTheirBrand() {
        for (Labelled choice : Stream.concat(Stream.of(DonorKind.values()), Stream.of(ItemCondition.values()))
                .map(Labelled.class::cast)
                .toList()) {
            assertThat(choice.nameVi()).as(choice.labelKey()).isNotBlank().doesNotStartWith("label.");
            assertThat(choice.nameEn()).as(choice.labelKey()).isNotBlank().doesNotStartWith("label.");
        }
        assertThat(DonorKind.RELIGIOUS_ESTABLISHMENT.nameVi()).isEqualTo("Cơ sở tôn giáo");
        assertThat(DonorKind.RELIGIOUS_ESTABLISHMENT.nameEn()).isEqualTo("Religious establishment");
        assertThat(ItemCondition.USED_WORKING.label())
                .isEqualTo(new Labelled.Label("Đã qua sử dụng, còn tốt", "Used, working"));
        assertThat(VietnameseBank.MB.label()).isEqualTo(Labelled.Label.same("MB Bank"));
    }

    @Test
    void aFormsProblemsAreWordedInBothLanguagesUnderTheirCodes() {
        List<FieldProblem> problems = new CollectionPointForm(null, null, null, null, null, true, null).problems();
        assertThat(problems)
                .extracting(FieldProblem::code)
                .containsExactly("point.name", "point.unit.required", "point.address", "point.hours");
        assertThat(problems.get(0).messageVi()).isEqualTo("Nhập tên điểm tiếp nhận (tối đa 200 ký tự).");
        assertThat(problems.get(0).message(Locale.ENGLISH))
                .isEqualTo("Enter the collection point's name (at most 200 characters).");
        DonationInvalidException e =
                DonationInvalidException.of("reason", "pledge.cancel.reason", "pledge.cancel.noReason");
        assertThat(e.code()).isEqualTo("donation.invalid");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("reason");
            assertThat(p.messageVi()).isEqualTo("Cho biết lý do huỷ đăng ký.");
        });
    }

    @Test
    void aReceiptLineNamesItsNumberAndTheLimitUngrouped() {
        var line = new Receipts.Line(ItemType.LAPTOP, 10_001, ItemCondition.NEW, null, null, null);
        assertThatThrownBy(() -> Receipts.validLines(List.of(line)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("receipt.line-quantity");
                    assertThat(e.messageVi()).isEqualTo("Dòng 1: số lượng phải từ 1 đến 10000.");
                    assertThat(e.messageEn()).isEqualTo("Line 1: quantity must be 1 to 10000.");
                });
        var wordy = new Receipts.Line(ItemType.LAPTOP, 1, ItemCondition.NEW, "x".repeat(301), null, null);
        assertThatThrownBy(() -> Receipts.validLines(List.of(wordy)))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("receipt.line-accessories");
                    assertThat(e.messageVi()).isEqualTo("Phụ kiện dài quá 300 ký tự.");
                    assertThat(e.messageEn()).isEqualTo("Accessories is longer than 300.");
                });
    }

    @Test
    void valueObjectsWordTheirRefusalFromTheBundles() {
        assertThatThrownBy(() -> TrackingCode.parse("XX")).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.code()).isEqualTo("tracking-code.invalid");
            assertThat(e.messageVi()).isEqualTo("Mã theo dõi không đúng (ví dụ CE7K3M9Q2X: 2 chữ cái và 8 ký tự).");
        });
        assertThatThrownBy(() -> VietQr.payload("97042", "123", Money.vnd(1000), "x"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("vietqr.bin");
                    assertThat(e.messageEn()).isEqualTo("The bank BIN must have 6 digits.");
                });
    }

    @Test
    void theLedgerRecordsACorrectionsEntryNumberUngrouped() {
        assertThat(Bundles.vi("cash.ledger.correction-note", 123_456L, "Ghi thừa 200.000"))
                .isEqualTo("Điều chỉnh bút toán #123456: Ghi thừa 200.000");
    }

    @Test
    void thePledgeMailSaysEverythingInVietnameseThenInEnglish() {
        OutgoingMail mail = mock(OutgoingMail.class);
        TrackingCode code = TrackingCode.generate(TrackingCode.PLEDGE);
        new PledgeConfirmation(mail, vn.cungem.shared.web.PublicAddress.fixed("https://cungem.example"))
                .send("a@example.vn", code);
        ArgumentCaptor<String> subject = ArgumentCaptor.forClass(String.class);
        ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
        verify(mail).send(eq("a@example.vn"), subject.capture(), body.capture(), anyString());
        assertThat(subject.getValue()).isEqualTo("Cùng Em: mã đăng ký ủng hộ " + code + " / your pledge code");
        String link = "https://cungem.example/public/pledges/" + code;
        String track = "https://cungem.example/public/track/" + code;
        assertThat(body.getValue()).isEqualTo("""
                        Cảm ơn anh/chị đã đăng ký ủng hộ chương trình Cùng Em.

                        Mã đăng ký (mã theo dõi): %1$s
                        Xem lại đăng ký và thông tin chuyển khoản: %2$s
                        Theo dõi món quà của anh/chị: %3$s

                        Nếu chuyển khoản, xin ghi mã %1$s trong nội dung chuyển khoản.

                        ---

                        Thank you for your pledge to the Cùng Em programme.

                        Pledge (tracking) code: %1$s
                        Your pledge and transfer details: %2$s
                        Follow your gift: %3$s

                        If you transfer money, please put %1$s in the transfer note.
                        """.formatted(code, link, track));
    }

    @Test
    void donorsWithoutAShownNameKeepTheirVietnameseStandIns() {
        assertThat(Donors.ANONYMOUS_NAME).isEqualTo("Nhà hảo tâm ẩn danh");
        assertThat(DonorDetails.maskedName(" ")).isEqualTo("Nhà hảo tâm");
    }
}
