package vn.cungem.campaign.web;

import java.time.LocalDate;
import java.util.List;
import vn.cungem.campaign.CampaignProblem;

/** A form row that spans dates as typed: phases and milestones. */
public abstract class DatedRow {

    private String startsOn;
    private String endsOn;

    void setDates(LocalDate starts, LocalDate ends) {
        startsOn = TypedValues.iso(starts);
        endsOn = TypedValues.iso(ends);
    }

    LocalDate starts(String prefix, List<CampaignProblem> problems) {
        return TypedValues.date(startsOn, prefix + "startsOn", problems);
    }

    LocalDate ends(String prefix, List<CampaignProblem> problems) {
        return TypedValues.date(endsOn, prefix + "endsOn", problems);
    }

    public String getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(String startsOn) {
        this.startsOn = startsOn;
    }

    public String getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(String endsOn) {
        this.endsOn = endsOn;
    }
}
