package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.cungem.shared.text.VietnameseText;

class SortKeysTests {

    private static final String LETTERS =
            "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
                    + "ùúủũụừứửữựỳýỷỹỵ  -'";

    @Test
    void givesTheSameKeyAsTheSharedKernelForRandomVietnameseNames() {
        Random random = new Random(20210904L);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = 1 + random.nextInt(i % 50 == 0 ? 400 : 30);
            for (int c = 0; c < length; c++) {
                name.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
            assertThat(SortKeys.of(name.toString())).isEqualTo(VietnameseText.sortKey(name.toString()));
        }
        assertThat(SortKeys.of(null)).isNull();
    }
}
