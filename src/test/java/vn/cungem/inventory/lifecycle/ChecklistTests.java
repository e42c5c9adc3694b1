package vn.cungem.inventory.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.cungem.campaign.ItemType;
import vn.cungem.shared.InvalidValueException;

class ChecklistTests {

    private static List<Checklist.Answer> allPass(ItemType type) {
        return new ArrayList<>(Checklist.checksFor(type).stream()
                .map(c -> new Checklist.Answer(c, CheckResult.PASS, null))
                .toList());
    }

    @Test
    void aDesktopIsCheckedForWhatIssue13ListsAndABatteryOnlyWhereThereIsOne() {
        assertThat(Checklist.checksFor(ItemType.DESKTOP_SET))
                .containsExactlyInAnyOrder(
                        CheckCode.SCREEN,
                        CheckCode.CPU,
                        CheckCode.KEYBOARD,
                        CheckCode.POINTER,
                        CheckCode.MICROPHONE,
                        CheckCode.CAMERA,
                        CheckCode.CHARGER_CABLES,
                        CheckCode.INTERNET);
        assertThat(Checklist.checksFor(ItemType.LAPTOP)).contains(CheckCode.BATTERY);
        assertThat(Checklist.checksFor(ItemType.TABLET)).contains(CheckCode.BATTERY);
    }

    @Test
    void allPassedKeepsTheDeviceAFailureSendsItToRepairOrRecycling() {
        assertThat(Checklist.evaluate(ItemType.LAPTOP, allPass(ItemType.LAPTOP), false))
                .isEqualTo(Checklist.Outcome.PASSED);
        List<Checklist.Answer> answers = allPass(ItemType.LAPTOP);
        answers.set(0, new Checklist.Answer(answers.get(0).code(), CheckResult.FAIL, "Sọc màn"));
        assertThat(Checklist.moveAfter(Checklist.evaluate(ItemType.LAPTOP, answers, false)))
                .isEqualTo(ItemMove.NEEDS_REPAIR);
        assertThat(Checklist.moveAfter(Checklist.evaluate(ItemType.LAPTOP, answers, true)))
                .isEqualTo(ItemMove.RECYCLE);
        List<Checklist.Answer> notApplicable = allPass(ItemType.DESKTOP_SET);
        notApplicable.set(0, new Checklist.Answer(notApplicable.get(0).code(), CheckResult.NOT_APPLICABLE, null));
        assertThat(Checklist.evaluate(ItemType.DESKTOP_SET, notApplicable, false))
                .isEqualTo(Checklist.Outcome.PASSED);
    }

    @Test
    void incompleteOrForeignAnswersAreRefusedByName() {
        List<Checklist.Answer> missing = allPass(ItemType.LAPTOP);
        missing.removeIf(a -> a.code() == CheckCode.BATTERY);
        assertThatThrownBy(() -> Checklist.evaluate(ItemType.LAPTOP, missing, false))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("inventory.check-missing");
                    assertThat(e.messageVi()).isEqualTo("Chưa trả lời mục «Pin giữ được điện».");
                });
        List<Checklist.Answer> foreign = allPass(ItemType.DESKTOP_SET);
        foreign.add(new Checklist.Answer(CheckCode.BATTERY, CheckResult.PASS, null));
        assertThatThrownBy(() -> Checklist.evaluate(ItemType.DESKTOP_SET, foreign, false))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("inventory.check-unknown"));
        List<Checklist.Answer> twice = allPass(ItemType.WIFI_DEVICE);
        twice.add(twice.get(0));
        assertThatThrownBy(() -> Checklist.evaluate(ItemType.WIFI_DEVICE, twice, false))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("inventory.check-twice"));
        List<Checklist.Answer> silentFail = allPass(ItemType.WIFI_DEVICE);
        silentFail.set(0, new Checklist.Answer(silentFail.get(0).code(), CheckResult.FAIL, " "));
        assertThatThrownBy(() -> Checklist.evaluate(ItemType.WIFI_DEVICE, silentFail, false))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("inventory.check-fail-note"));
        assertThatThrownBy(() -> Checklist.evaluate(ItemType.WIFI_DEVICE, allPass(ItemType.WIFI_DEVICE), true))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.code()).isEqualTo("inventory.check-beyond-repair"));
    }
}
