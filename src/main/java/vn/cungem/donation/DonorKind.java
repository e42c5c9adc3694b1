package vn.cungem.donation;

import vn.cungem.shared.text.Labelled;

/**
 * Who gives: 001 and 003 call on people, businesses, organisations, religious establishments and telecom operators.
 * Named in the bundles as {@code label.DonorKind.<CONSTANT>}.
 */
public enum DonorKind implements Labelled {
    INDIVIDUAL,
    BUSINESS,
    ORGANISATION,
    RELIGIOUS_ESTABLISHMENT,
    TELECOM_OPERATOR
}
