package vn.cungem.campaign.web;

import java.util.List;
import vn.cungem.campaign.CampaignProblem;
import vn.cungem.campaign.PriorityCategory;

/** One priority category of the form as typed. */
public class CategoryRow {

    private String code;
    private String nameVi;
    private String nameEn;
    private String weight;

    static CategoryRow of(PriorityCategory c) {
        CategoryRow row = new CategoryRow();
        row.code = c.code();
        row.nameVi = c.nameVi();
        row.nameEn = c.nameEn();
        row.weight = String.valueOf(c.weight());
        return row;
    }

    boolean isBlank() {
        return TypedValues.allBlank(code, nameVi, nameEn, weight);
    }

    PriorityCategory toCategory(int index, List<CampaignProblem> problems) {
        String field = "categories[" + index + "].weight";
        Integer value = TypedValues.integer(weight, field, problems);
        if (value == null && (weight == null || weight.isBlank())) {
            problems.add(CampaignProblem.of(field, "campaign.problem.weight-missing"));
        }
        return new PriorityCategory(code, nameVi, nameEn, value == null ? 0 : value);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameVi() {
        return nameVi;
    }

    public void setNameVi(String nameVi) {
        this.nameVi = nameVi;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public String getWeight() {
        return weight;
    }

    public void setWeight(String weight) {
        this.weight = weight;
    }
}
