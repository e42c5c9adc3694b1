package vn.cungem.student;

import vn.cungem.campaign.Campaigns;
import vn.cungem.shared.PhoneNumber;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.internal.StudentRepository.Stored;

/** Builds what a reader sees of a stored student: everything when they cover it, a masked name and counts otherwise. */
final class StudentViews {

    private final StudentAccess access;
    private final Campaigns campaigns;
    private final StudentIdCipher cipher;

    StudentViews(StudentAccess access, Campaigns campaigns, StudentIdCipher cipher) {
        this.access = access;
        this.campaigns = campaigns;
        this.cipher = cipher;
    }

    /** {@code ownPage}: the student's own page, the one place that shows all twelve digits of the personal id. */
    StudentView of(Stored s, Caller caller, boolean ownPage) {
        boolean visible = access.covers(caller, s);
        PersonalIdNumber id = visible ? personalId(s) : null;
        var weights = campaigns.get(s.campaignId(), Caller.SYSTEM).spec().categories();
        var circumstances = new Circumstances(
                StudentDetails.categoriesFromColumn(s.categories()), s.deviceSituation(), s.connectivity(), s.needs());
        StudentHome home = visible
                ? new StudentHome(
                        s.homeUnitId(),
                        s.homeUnitName(),
                        s.address(),
                        s.guardianName(),
                        s.guardianPhone() != null ? new PhoneNumber(s.guardianPhone()) : null)
                : StudentHome.HIDDEN;
        return new StudentView(
                s.id(),
                new StudentPlace(s.campaignId(), s.schoolId(), s.schoolName(), s.unitId(), s.unitName()),
                visible ? s.fullName() : MaskedName.of(s.fullName()),
                !visible,
                visible ? s.birthDate() : null,
                s.gender(),
                id != null ? id.masked() : null,
                ownPage && id != null ? id.digits() : null,
                visible ? s.moetCode() : null,
                s.grade(),
                s.className(),
                home,
                circumstances,
                visible ? s.notes() : null,
                s.priorityScore(),
                circumstances.priority(weights),
                s.status(),
                s.statusReason(),
                s.mergedIntoId(),
                s.version(),
                s.createdAt());
    }

    private PersonalIdNumber personalId(Stored s) {
        if (s.personalIdCipher() == null) {
            return null;
        }
        try {
            return cipher.decrypt(s.personalIdCipher());
        } catch (IllegalArgumentException e) {
            // sealed with another key (a restored backup, a rotated key): show that it exists, not a 500
            return null;
        }
    }
}
