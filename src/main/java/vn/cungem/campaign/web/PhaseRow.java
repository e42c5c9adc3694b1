package vn.cungem.campaign.web;

import java.util.List;
import vn.cungem.campaign.CampaignProblem;
import vn.cungem.campaign.Phase;
import vn.cungem.shared.Money;

/** One phase of the form as typed. */
public class PhaseRow extends DatedRow {

    private String name;
    private String targetDevices;
    private String targetStudents;
    private String targetCashVnd;

    static PhaseRow of(Phase p) {
        PhaseRow row = new PhaseRow();
        row.name = p.name();
        row.setDates(p.startsOn(), p.endsOn());
        row.targetDevices = TypedValues.text(p.targetDevices());
        row.targetStudents = TypedValues.text(p.targetStudents());
        row.targetCashVnd = TypedValues.text(Money.vndOrNull(p.targetCashVnd()));
        return row;
    }

    boolean isBlank() {
        return TypedValues.allBlank(name, getStartsOn(), getEndsOn(), targetDevices, targetStudents, targetCashVnd);
    }

    Phase toPhase(int index, List<CampaignProblem> problems) {
        String f = "phases[" + index + "].";
        return new Phase(
                name,
                starts(f, problems),
                ends(f, problems),
                TypedValues.integer(targetDevices, f + "targetDevices", problems),
                TypedValues.integer(targetStudents, f + "targetStudents", problems),
                TypedValues.money(targetCashVnd, f + "targetCashVnd", problems));
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTargetDevices() {
        return targetDevices;
    }

    public void setTargetDevices(String targetDevices) {
        this.targetDevices = targetDevices;
    }

    public String getTargetStudents() {
        return targetStudents;
    }

    public void setTargetStudents(String targetStudents) {
        this.targetStudents = targetStudents;
    }

    public String getTargetCashVnd() {
        return targetCashVnd;
    }

    public void setTargetCashVnd(String targetCashVnd) {
        this.targetCashVnd = targetCashVnd;
    }
}
