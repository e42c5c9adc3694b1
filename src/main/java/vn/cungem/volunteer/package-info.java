/**
 * Volunteer teams at work ("IT áo xanh", 001 and 004): a team's pages and API, its queue of devices waiting for a
 * workshop step, what each volunteer did, the hours they logged, and their certificates of volunteering. Teams
 * themselves stay in identity, which owns the table (an account's scope is its team's unit); the work comes from
 * inventory's {@link vn.cungem.inventory.WorkQueue}. This module owns only {@code volunteer_shift} and
 * {@code volunteer_certificate}. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Volunteers (tình nguyện viên)",
        allowedDependencies = {"identity", "inventory", "organisation", "campaign", "shared"})
package vn.cungem.volunteer;
