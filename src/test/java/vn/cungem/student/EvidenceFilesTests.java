package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.InvalidValueException;

class EvidenceFilesTests {

    @Test
    void recognisesPdfJpegAndPngByTheirFirstBytes() {
        assertThat(EvidenceFiles.check("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("application/pdf");
        assertThat(EvidenceFiles.check(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}))
                .isEqualTo("image/jpeg");
        assertThat(EvidenceFiles.check(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                .isEqualTo("image/png");
    }

    @Test
    void refusesOtherFilesEmptyFilesAndFilesOverFiveMegabytes() {
        for (byte[] bad : new byte[][] {
            "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1),
            "<html><script>".getBytes(StandardCharsets.US_ASCII),
            "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1),
            {(byte) 0x89, 'P', 'N'},
            {}
        }) {
            assertThatThrownBy(() -> EvidenceFiles.check(bad)).isInstanceOf(InvalidValueException.class);
        }
        byte[] big = new byte[EvidenceFiles.MAX_BYTES + 1];
        big[0] = '%';
        big[1] = 'P';
        big[2] = 'D';
        big[3] = 'F';
        big[4] = '-';
        assertThatThrownBy(() -> EvidenceFiles.check(big))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageVi()).contains("5 MB"));
        byte[] justRight = java.util.Arrays.copyOf(big, EvidenceFiles.MAX_BYTES);
        assertThat(EvidenceFiles.check(justRight)).isEqualTo("application/pdf");
    }
}
