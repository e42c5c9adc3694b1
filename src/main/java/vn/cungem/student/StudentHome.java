package vn.cungem.student;

import vn.cungem.shared.PhoneNumber;

/**
 * Where a student lives and who looks after them: personal data, so every part is null for a reader whose scope does
 * not cover the student ({@link #HIDDEN}).
 */
public record StudentHome(
        Long homeUnitId, String homeUnitName, String address, String guardianName, PhoneNumber guardianPhone) {

    public static final StudentHome HIDDEN = new StudentHome(null, null, null, null, null);
}
