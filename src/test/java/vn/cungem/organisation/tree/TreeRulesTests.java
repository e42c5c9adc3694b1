package vn.cungem.organisation.tree;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.cungem.organisation.Level;
import vn.cungem.shared.InvalidValueException;

class TreeRulesTests {

    static final Level CENTRAL = new Level("central", 0, "Trung ương", "Central");
    static final Level PROVINCE = new Level("province", 1, "Tỉnh", "Province");
    static final Level DISTRICT = new Level("district", 2, "Huyện", "District");
    static final Level COMMUNE = new Level("commune", 3, "Xã", "Commune");

    @Test
    void acceptsChildOneLevelBelowItsParent() {
        assertThatCode(() -> TreeRules.requireRanksBelow(DISTRICT, PROVINCE)).doesNotThrowAnyException();
    }

    @Test
    void acceptsCommuneDirectlyUnderProvinceAsAfterThe2025Reform() {
        assertThatCode(() -> TreeRules.requireRanksBelow(COMMUNE, PROVINCE)).doesNotThrowAnyException();
    }

    @Test
    void rejectsChildOfTheSameLevelAsItsParent() {
        assertThatThrownBy(() -> TreeRules.requireRanksBelow(DISTRICT, DISTRICT))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("rank below");
    }

    @Test
    void rejectsChildRankingAboveItsParent() {
        assertThatThrownBy(() -> TreeRules.requireRanksBelow(PROVINCE, COMMUNE))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void refusesMovingAUnitUnderItself() {
        assertThatThrownBy(() -> TreeRules.requireMoveAllowed(5, DISTRICT, 5, PROVINCE, true, Set.of(5L, 6L)))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("unit.move.cycle");
    }

    @Test
    void refusesMovingAUnitUnderItsOwnDescendant() {
        assertThatThrownBy(() -> TreeRules.requireMoveAllowed(5, PROVINCE, 7, DISTRICT, true, Set.of(5L, 6L, 7L)))
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("unit.move.cycle");
    }

    @Test
    void refusesMovingUnderAParentOfEqualRank() {
        assertThatThrownBy(() -> TreeRules.requireMoveAllowed(5, DISTRICT, 9, DISTRICT, true, Set.of(5L)))
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("unit.level.rank");
    }

    @Test
    void refusesMovingUnderARetiredParent() {
        assertThatThrownBy(() -> TreeRules.requireMoveAllowed(5, COMMUNE, 9, DISTRICT, false, Set.of(5L)))
                .extracting(e -> ((InvalidValueException) e).code())
                .isEqualTo("unit.parent.retired");
    }

    @Test
    void allowsMovingUnderAHigherUnitOutsideTheSubtree() {
        assertThatCode(() -> TreeRules.requireMoveAllowed(5, COMMUNE, 9, CENTRAL, true, Set.of(5L)))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "12a", "1234567890123", "-1", "01 2"})
    void rejectsUnitCodesThatAreNotDigits(String code) {
        assertThatThrownBy(() -> TreeRules.requireUnitCode(code)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Province", "1level", "tỉnh", "a-b", ""})
    void rejectsLevelCodesOutsideLowerCaseAscii(String code) {
        assertThatThrownBy(() -> TreeRules.requireLevelCode(code)).isInstanceOf(InvalidValueException.class);
    }
}
