package vn.cungem.organisation.web;

import org.springframework.ui.Model;
import vn.cungem.organisation.Unit;
import vn.cungem.organisation.UnitDirectory;
import vn.cungem.shared.InvalidValueException;

/** The move and retire pages of schools and partners share one template. */
final class RecordActions {

    private RecordActions() {}

    static String page(
            Model model,
            String kind,
            long id,
            String name,
            String action,
            String error,
            String unitCode,
            String reason) {
        model.addAttribute("kind", kind);
        model.addAttribute("id", id);
        model.addAttribute("name", name);
        model.addAttribute("action", action);
        model.addAttribute("error", error);
        model.addAttribute("unitCode", unitCode);
        model.addAttribute("reason", reason);
        return "organisation/record-action";
    }

    static Unit unitByCode(UnitDirectory units, String code) {
        return units.findByCode(code).orElseThrow(() -> unknownUnit(code));
    }

    /** A unit outside the caller's scope reads the same as one that does not exist. */
    static InvalidValueException unknownUnit(String code) {
        String c = code == null ? "" : code.strip();
        return new InvalidValueException(
                "unit.unknown", "Không tìm thấy đơn vị có mã \"" + c + "\".", "No unit with code \"" + c + "\".");
    }

    /** A form field that could not be converted (an unknown level in a tampered form) is bad input, not a crash. */
    static void requireNoBindingErrors(org.springframework.validation.BindingResult binding) {
        if (binding.hasErrors()) {
            throw new InvalidValueException(
                    "form.invalid",
                    "Biểu mẫu có giá trị không hợp lệ: "
                            + binding.getFieldErrors().stream()
                                    .map(org.springframework.validation.FieldError::getField)
                                    .toList(),
                    "The form has invalid values: "
                            + binding.getFieldErrors().stream()
                                    .map(org.springframework.validation.FieldError::getField)
                                    .toList());
        }
    }
}
