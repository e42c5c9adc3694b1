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
        String statusReason) {}
