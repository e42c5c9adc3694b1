package vn.cungem.student;

/** One line of a student list; {@code masked} rows carry a masked name and nothing that identifies the child. */
public record StudentRow(
        long id,
        String name,
        boolean masked,
        long schoolId,
        String schoolName,
        int grade,
        String className,
        String categories,
        DeviceSituation deviceSituation,
        Connectivity connectivity,
        int priorityScore,
        StudentStatus status,
        String statusReason) {

    /** The row as a reader who may not know the child sees it. */
    public StudentRow maskedCopy() {
        return new StudentRow(
                id,
                MaskedName.of(name),
                true,
                schoolId,
                schoolName,
                grade,
                className,
                categories,
                deviceSituation,
                connectivity,
                priorityScore,
                status,
                statusReason);
    }
}
