package vn.cungem.donation;

import java.util.ArrayList;
import java.util.List;

/** What a manager enters for a collection point (điểm tiếp nhận): a unit office or a school, and when it is open. */
public record CollectionPointForm(
        String name, Long unitId, Long schoolId, String address, String openingHours, Boolean active, Integer version) {

    public List<FieldProblem> problems() {
        List<FieldProblem> out = new ArrayList<>();
        if (DonorDetails.blank(name) || name.length() > 200) {
            out.add(new FieldProblem(
                    "name",
                    "point.name",
                    "Nhập tên điểm tiếp nhận (tối đa 200 ký tự).",
                    "Enter the collection point's name (at most 200 characters)."));
        }
        if (unitId == null && schoolId == null) {
            out.add(new FieldProblem(
                    "unitId",
                    "point.unit.required",
                    "Chọn đơn vị hoặc trường đặt điểm tiếp nhận.",
                    "Choose the unit or school where the point is."));
        }
        if (DonorDetails.blank(address) || address.length() > 300) {
            out.add(new FieldProblem(
                    "address",
                    "point.address",
                    "Nhập địa chỉ điểm tiếp nhận (tối đa 300 ký tự).",
                    "Enter the point's address (at most 300 characters)."));
        }
        if (DonorDetails.blank(openingHours) || openingHours.length() > 300) {
            out.add(new FieldProblem(
                    "openingHours",
                    "point.hours",
                    "Nhập giờ tiếp nhận, ví dụ: Thứ 2–Thứ 6, 7h30–11h00 và 13h30–17h00.",
                    "Enter the opening hours, e.g. Mon–Fri 7:30–11:00 and 13:30–17:00."));
        }
        return out;
    }
}
