package vn.cungem.student;

import vn.cungem.shared.ConflictException;

/** The answer when a record moved between reading it and writing it (a version or status that no longer matches). */
final class ChangedMeanwhile {

    private ChangedMeanwhile() {}

    static ConflictException conflict() {
        return new ConflictException(
                "student.changed",
                "Hồ sơ học sinh vừa được người khác thay đổi; hãy tải lại trang và làm lại.",
                "Someone else changed this student meanwhile; reload the page and try again.");
    }
}
