package vn.cungem.organisation;

/** Who the partner organisations of the 2021 plans were (000, 001, 004). */
public enum PartnerKind {
    YOUTH_UNION,
    WOMENS_UNION,
    FATHERLAND_FRONT,
    TELECOM_OPERATOR,
    BUSINESS,
    RELIGIOUS_ESTABLISHMENT,
    OTHER
}
