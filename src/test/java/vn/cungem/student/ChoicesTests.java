package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gender, device situation, connectivity and needs read from the codes and from Vietnamese labels as typed. */
class ChoicesTests {

    @ParameterizedTest
    @ValueSource(strings = {"Nữ", "NỮ", "nu", "Nu\u0303", "F", "female", "FEMALE", " nữ "})
    void readsFemale(String raw) {
        assertThat(Gender.parse(raw)).contains(Gender.FEMALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nam", "NAM", "m", "Male", "MALE"})
    void readsMale(String raw) {
        assertThat(Gender.parse(raw)).contains(Gender.MALE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "khác", "1"})
    void refusesUnknownGender(String raw) {
        assertThat(Gender.parse(raw)).isEmpty();
    }

    @Test
    void readsDeviceSituationFromLabelsAndCodes() {
        assertThat(DeviceSituation.parse("Chưa có thiết bị")).contains(DeviceSituation.NONE);
        assertThat(DeviceSituation.parse("NONE")).contains(DeviceSituation.NONE);
        assertThat(DeviceSituation.parse("thiết bị hỏng")).contains(DeviceSituation.BROKEN);
        // southern "hư" as well as "hỏng"
        assertThat(DeviceSituation.parse("Hư hỏng")).contains(DeviceSituation.BROKEN);
        assertThat(DeviceSituation.parse("bị hư")).contains(DeviceSituation.BROKEN);
        assertThat(DeviceSituation.parse("Dùng chung với anh chị em")).contains(DeviceSituation.SHARED);
        assertThat(DeviceSituation.parse("dung chung")).contains(DeviceSituation.SHARED);
        assertThat(DeviceSituation.parse("có máy mới")).isEmpty();
        for (DeviceSituation value : DeviceSituation.values()) {
            assertThat(DeviceSituation.parse(value.labelVi())).contains(value);
            assertThat(DeviceSituation.parse(value.labelEn())).contains(value);
            assertThat(DeviceSituation.parse(value.name())).contains(value);
        }
    }

    @Test
    void readsConnectivityFromLabelsAndCodes() {
        assertThat(Connectivity.parse("4G")).contains(Connectivity.MOBILE_DATA);
        assertThat(Connectivity.parse("home_internet")).contains(Connectivity.HOME_INTERNET);
        assertThat(Connectivity.parse("Không có kết nối")).contains(Connectivity.NONE);
        for (Connectivity value : Connectivity.values()) {
            assertThat(Connectivity.parse(value.labelVi())).contains(value);
            assertThat(Connectivity.parse(value.labelEn())).contains(value);
            assertThat(Connectivity.parse(value.name())).contains(value);
        }
    }

    @Test
    void readsNeedsFromOneCell() {
        assertThat(Needs.parse("")).contains(Needs.DEVICE_ONLY);
        assertThat(Needs.parse("Máy tính, SIM 4G, gói cước")).contains(new Needs(true, true, true, false));
        assertThat(Needs.parse("DEVICE;WIFI")).contains(new Needs(true, false, false, true));
        assertThat(Needs.parse("sim")).contains(new Needs(false, true, false, false));
        assertThat(Needs.parse("xe đạp")).isEmpty();
        Needs all = new Needs(true, true, true, true);
        assertThat(Needs.parse(all.codes())).contains(all);
        assertThat(Needs.parse(all.labelsVi())).contains(all);
    }
}
