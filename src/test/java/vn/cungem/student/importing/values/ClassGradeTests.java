package vn.cungem.student.importing.values;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassGradeTests {

    @Test
    void readsTheGradeFromClassNamesAsSchoolsWriteThem() {
        assertThat(ClassGrade.of("6A6")).hasValue(6);
        assertThat(ClassGrade.of("9/3")).hasValue(9);
        assertThat(ClassGrade.of("Lớp 7A")).hasValue(7);
        assertThat(ClassGrade.of("12 Toán")).hasValue(12);
        assertThat(ClassGrade.of("10A1")).hasValue(10);
        assertThat(ClassGrade.of("L6A")).hasValue(6);
        assertThat(ClassGrade.of("lớp 1B")).hasValue(1);
        assertThat(ClassGrade.of("5")).hasValue(5);
    }

    @Test
    void findsNoGradeWhereTheClassNameHasNone() {
        assertThat(ClassGrade.of("")).isEmpty();
        assertThat(ClassGrade.of(null)).isEmpty();
        assertThat(ClassGrade.of("Chuyên Anh")).isEmpty();
        assertThat(ClassGrade.of("13A")).isEmpty();
        assertThat(ClassGrade.of("0A")).isEmpty();
    }
}
