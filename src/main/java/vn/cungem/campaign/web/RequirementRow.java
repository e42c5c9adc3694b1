package vn.cungem.campaign.web;

import java.util.List;
import vn.cungem.campaign.CampaignProblem;
import vn.cungem.campaign.DeviceRequirement;
import vn.cungem.campaign.ItemType;

/** One device requirement of the form as typed; no item type means it holds for every item. */
public class RequirementRow {

    private String itemType;
    private String textVi;
    private String textEn;

    static RequirementRow of(DeviceRequirement r) {
        RequirementRow row = new RequirementRow();
        row.itemType = r.itemType() == null ? "" : r.itemType().name();
        row.textVi = r.textVi();
        row.textEn = r.textEn();
        return row;
    }

    boolean isBlank() {
        return TypedValues.allBlank(textVi, textEn);
    }

    DeviceRequirement toRequirement(int index, List<CampaignProblem> problems) {
        ItemType type = null;
        if (itemType != null && !itemType.isBlank()) {
            List<ItemType> one = TypedValues.enums(
                    ItemType.class, List.of(itemType), "requirements[" + index + "].itemType", problems);
            type = one.isEmpty() ? null : one.get(0);
        }
        return new DeviceRequirement(type, textVi, textEn);
    }

    public String getItemType() {
        return itemType;
    }

    public void setItemType(String itemType) {
        this.itemType = itemType;
    }

    public String getTextVi() {
        return textVi;
    }

    public void setTextVi(String textVi) {
        this.textVi = textVi;
    }

    public String getTextEn() {
        return textEn;
    }

    public void setTextEn(String textEn) {
        this.textEn = textEn;
    }
}
