package vn.cungem.campaign;

import java.util.List;
import java.util.stream.Collectors;
import vn.cungem.shared.InvalidValueException;

/** The spec breaks one or more rules; pages show each by its field, the API lists them all in one message. */
public class CampaignInvalidException extends InvalidValueException {

    private final List<CampaignProblem> problems;

    public CampaignInvalidException(List<CampaignProblem> problems) {
        super(
                "campaign-invalid",
                problems.stream().map(CampaignProblem::messageVi).collect(Collectors.joining(" ")),
                problems.stream().map(CampaignProblem::messageEn).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<CampaignProblem> problems() {
        return problems;
    }
}
