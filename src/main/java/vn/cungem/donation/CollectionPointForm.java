package vn.cungem.donation;

import java.util.ArrayList;
import java.util.List;

/** What a manager enters for a collection point (điểm tiếp nhận): a unit office or a school, and when it is open. */
public record CollectionPointForm(
        String name, Long unitId, Long schoolId, String address, String openingHours, Boolean active, Integer version) {

    public List<FieldProblem> problems() {
        List<FieldProblem> out = new ArrayList<>();
        if (DonorDetails.blank(name) || name.length() > 200) {
            out.add(FieldProblem.of("name", "point.name", "donation.error.point.name"));
        }
        if (unitId == null && schoolId == null) {
            out.add(FieldProblem.of("unitId", "point.unit.required", "donation.error.point.unit.required"));
        }
        if (DonorDetails.blank(address) || address.length() > 300) {
            out.add(FieldProblem.of("address", "point.address", "donation.error.point.address"));
        }
        if (DonorDetails.blank(openingHours) || openingHours.length() > 300) {
            out.add(FieldProblem.of("openingHours", "point.hours", "donation.error.point.hours"));
        }
        return out;
    }
}
