package vn.cungem.demo.generator;

/** A synthetic donated item: what it is, what state it arrived in, who gave it and where. */
public record ItemRecord(String itemNo, String type, String condition, String donorName, String provinceCode) {

    public static final String HEADER = "item_no,type,condition,donor_name,province_code";

    public String csv() {
        return Csv.line(itemNo, type, condition, donorName, provinceCode);
    }
}
