package vn.cungem.demo.generator;

import java.util.List;
import java.util.Map;

/** Generated units (root, provinces, communes, parents first) and schools, with what students need to know of each. */
public record SyntheticNation(List<UnitRow> units, List<SchoolRow> schools, Map<String, Commune> communes) {

    /** A commune and its province, for addresses and personal ids. */
    public record Commune(String code, String name, boolean ward, Province province) {}
}
