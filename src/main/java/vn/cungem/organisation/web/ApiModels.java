package vn.cungem.organisation.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import vn.cungem.organisation.Ownership;
import vn.cungem.organisation.Partner;
import vn.cungem.organisation.PartnerKind;
import vn.cungem.organisation.ResultPage;
import vn.cungem.organisation.School;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.organisation.Unit;

/** Request and response bodies of the organisation API; never the persistence rows themselves. */
final class ApiModels {

    private ApiModels() {}

    @Schema(description = "An administrative unit (tỉnh, huyện, xã …) with its official GSO code")
    record UnitView(
            long id,
            @Schema(example = "26734") String code,
            @Schema(example = "Phường Linh Trung") String name,
            @Schema(example = "commune") String level,
            Long parentId,
            LocalDate retiredOn,

            @Schema(description = "Names of the ancestors, root first (search results only)")
            List<String> path) {

        static UnitView of(Unit u, List<String> path) {
            return new UnitView(u.id(), u.code(), u.name(), u.levelCode(), u.parentId(), u.retiredOn(), path);
        }
    }

    @Schema(description = "A unit to create; a retry with the same body returns the existing unit with 200")
    record CreateUnitRequest(
            @Schema(example = "26734", requiredMode = Schema.RequiredMode.REQUIRED)
            String code,

            @Schema(example = "Phường Linh Trung", requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(example = "commune", requiredMode = Schema.RequiredMode.REQUIRED)
            String level,

            @Schema(description = "Parent unit id; omit only for a root (admins)")
            Long parentId) {}

    @Schema(description = "Rename and/or move a unit; give at least one of name and parentId")
    record ChangeUnitRequest(
            String name,
            Long parentId,

            @Schema(description = "Why (kept in the audit log)")
            String reason) {}

    @Schema(description = "Retire: the record stays with the date it ceased to exist")
    record RetireRequest(
            @Schema(description = "Defaults to today") LocalDate retiredOn, String reason) {}

    record SchoolView(
            long id,
            @Schema(example = "79774301") String moetCode,
            String name,
            SchoolLevel level,
            Ownership ownership,
            long unitId,
            String address,
            LocalDate retiredOn) {

        static SchoolView of(School s) {
            return new SchoolView(
                    s.id(), s.moetCode(), s.name(), s.level(), s.ownership(), s.unitId(), s.address(), s.retiredOn());
        }
    }

    record CreateSchoolRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String moetCode,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            SchoolLevel level,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Ownership ownership,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Long unitId,

            String address) {}

    @Schema(description = "Change a school: fields left out stay as they are; unitId moves it")
    record ChangeSchoolRequest(
            String name, SchoolLevel level, Ownership ownership, String address, Long unitId, String reason) {}

    @Schema(description = "A partner organisation beside the tree, managed from its home unit")
    record PartnerView(
            long id,

            @Schema(example = "Đoàn Thanh niên phường Linh Trung")
            String name,

            PartnerKind kind,

            @Schema(description = "The unit whose managers manage the partner")
            long homeUnitId,

            @Schema(example = "doanphuong@example.vn") String contactEmail,
            @Schema(example = "0901234567") String contactPhone,
            LocalDate retiredOn) {

        static PartnerView of(Partner p) {
            return new PartnerView(
                    p.id(), p.name(), p.kind(), p.homeUnitId(), p.contactEmail(), p.contactPhone(), p.retiredOn());
        }
    }

    record CreatePartnerRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String name,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            PartnerKind kind,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Long homeUnitId,

            String contactEmail,
            String contactPhone) {}

    @Schema(description = "Change a partner: fields left out stay as they are; homeUnitId moves it")
    record ChangePartnerRequest(
            String name, PartnerKind kind, String contactEmail, String contactPhone, Long homeUnitId, String reason) {}

    @Schema(description = "One page of results; page counts from 0")
    record PageView<T>(List<T> items, int page, int size, long total) {

        static <S, T> PageView<T> of(ResultPage<S> page, java.util.function.Function<S, T> map) {
            return new PageView<>(page.items().stream().map(map).toList(), page.page(), page.size(), page.total());
        }
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw vn.cungem.shared.InvalidValueException.of("field.missing", "org.error.field-missing", field);
        }
        return value;
    }

    static <T> T body(T value) {
        if (value == null) {
            throw vn.cungem.shared.InvalidValueException.of("body.missing", "org.error.body-missing");
        }
        return value;
    }
}
