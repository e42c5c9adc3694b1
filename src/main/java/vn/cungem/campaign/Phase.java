package vn.cungem.campaign;

import java.time.LocalDate;
import vn.cungem.shared.Money;

/**
 * A phase of a campaign. {@code endsOn} null means open-ended (“đến khi dịch được kiểm soát”); {@code startsOn} null is
 * allowed for the last phase only, when it is not scheduled yet. Targets are null when the plan sets none.
 */
public record Phase(
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        Integer targetDevices,
        Integer targetStudents,
        Money targetCashVnd) {}
