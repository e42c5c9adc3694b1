package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StudentDatesTests {

    private static final LocalDate TODAY = LocalDate.of(2021, 9, 1);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "05/09/2012",
                "5/9/2012",
                "5/9/12",
                "05-09-2012",
                "05.09.2012",
                "2012-09-05",
                " 5/9/12 ",
                "41157",
                "41157.0"
            })
    void readsTheSameDayWrittenTheWaysSchoolsWriteIt(String raw) {
        assertThat(StudentDates.parse(raw, TODAY)).contains(LocalDate.of(2012, 9, 5));
    }

    @Test
    void readsDayBeforeMonthAlways() {
        assertThat(StudentDates.parse("03/04/2010", TODAY)).contains(LocalDate.of(2010, 4, 3));
    }

    @Test
    void readsTwoDigitYearsAfterTodayAsLastCentury() {
        assertThat(StudentDates.parse("1/1/99", TODAY)).contains(LocalDate.of(1999, 1, 1));
        assertThat(StudentDates.parse("1/1/21", TODAY)).contains(LocalDate.of(2021, 1, 1));
        assertThat(StudentDates.parse("1/1/22", TODAY)).contains(LocalDate.of(1922, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "31/02/2012", "13/13/2012", "hôm qua", "2012", "12/2012", "0", "60", "1/1/1/1", "99999999"})
    void refusesWhatIsNotADate(String raw) {
        assertThat(StudentDates.parse(raw, TODAY)).isEmpty();
    }

    @Test
    void excelSerialsRoundTripForEveryDayOfAStudentsLifetime() {
        Random random = new Random(20211122L);
        for (int i = 0; i < 2_000; i++) {
            LocalDate day = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(10_000));
            Optional<LocalDate> back = StudentDates.parse(Long.toString(StudentDates.excelSerial(day)), TODAY);
            assertThat(back).contains(day);
        }
    }

    @Test
    void knowsExcelsOwnSerialForAKnownDay() {
        // Excel shows 44440 as 01/09/2021
        assertThat(StudentDates.parse("44440", TODAY)).contains(LocalDate.of(2021, 9, 1));
    }
}
