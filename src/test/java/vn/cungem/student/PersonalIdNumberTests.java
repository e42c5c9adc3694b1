package vn.cungem.student;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cungem.shared.InvalidValueException;

class PersonalIdNumberTests {

    @Test
    void readsProvinceCenturySexAndYear() {
        PersonalIdNumber id = PersonalIdNumber.parse("079 312 123456");
        assertThat(id.digits()).isEqualTo("079312123456");
        assertThat(id.birthYear()).isEqualTo(2012);
        assertThat(id.gender()).isEqualTo(Gender.FEMALE);
        assertThat(PersonalIdNumber.parse("001099000001").birthYear()).isEqualTo(1999);
        assertThat(PersonalIdNumber.parse("001099000001").gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void givesBackTheLeadingZeroASpreadsheetDropped() {
        assertThat(PersonalIdNumber.parse("79312123456").digits()).isEqualTo("079312123456");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "12345", "0793121234567", "07931212345a", "000312123456", "097312123456", "999312123456"})
    void refusesNumbersThatCannotBeAPersonalId(String raw) {
        assertThatThrownBy(() -> PersonalIdNumber.parse(raw))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageVi()).contains("định danh"));
    }

    @Test
    void saysHowManyDigitsAWrongLengthNumberHas() {
        assertThatThrownBy(() -> PersonalIdNumber.parse("0793121234567"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("student.personal-id.length");
                    assertThat(e.messageVi()).contains("có 13 chữ số");
                    assertThat(e.messageEn()).contains("has 13 digits");
                });
        assertThatThrownBy(() -> PersonalIdNumber.parse("07931212345a"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("student.personal-id.format"));
    }

    @Test
    void warnsWhenTheBirthYearOrSexDisagrees() {
        PersonalIdNumber id = PersonalIdNumber.parse("079312123456");
        assertThat(id.disagreement(LocalDate.of(2012, 5, 1), Gender.FEMALE)).isEmpty();
        assertThat(id.disagreement(LocalDate.of(2011, 5, 1), Gender.FEMALE)).hasValueSatisfying(p -> {
            assertThat(p.severity()).isEqualTo(FieldProblem.Severity.WARNING);
            assertThat(p.messageVi()).contains("2012").contains("2011");
        });
        assertThat(id.disagreement(LocalDate.of(2012, 5, 1), Gender.MALE)).isPresent();
    }

    @Test
    void masksEverywhereItCouldBePrinted() {
        PersonalIdNumber id = PersonalIdNumber.parse("079012345612");
        assertThat(id.masked()).isEqualTo("0790******12");
        assertThat(id.toString()).isEqualTo("0790******12").doesNotContain("345");
    }
}
