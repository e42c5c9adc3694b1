package vn.cungem.shared.security;

import java.util.List;

/**
 * Who answers for something, as the email addresses of enabled accounts, for the jobs that write to them (a SIM about
 * to expire goes to its operator's staff and to the managers of its unit). Implemented by identity, which keeps the
 * accounts.
 */
public interface Responsibles {

    /** The staff of a partner organisation (an operator), in a stable order. */
    List<String> partnerEmails(long partnerId);

    /** The programme managers of a unit or of any unit above it, in a stable order. */
    List<String> managerEmails(long unitId);

    /** The school officers of a school, in a stable order (a follow-up check due there is theirs to record). */
    List<String> schoolOfficerEmails(long schoolId);
}
