package vn.cungem.campaign.web;

import java.util.List;
import vn.cungem.campaign.CampaignProblem;
import vn.cungem.campaign.Milestone;

/** One milestone of the form as typed. */
public class MilestoneRow extends DatedRow {

    private String title;

    static MilestoneRow of(Milestone m) {
        MilestoneRow row = new MilestoneRow();
        row.setDates(m.startsOn(), m.endsOn());
        row.title = m.title();
        return row;
    }

    boolean isBlank() {
        return TypedValues.allBlank(getStartsOn(), getEndsOn(), title);
    }

    Milestone toMilestone(int index, List<CampaignProblem> problems) {
        String f = "milestones[" + index + "].";
        return new Milestone(starts(f, problems), ends(f, problems), title);
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }
}
