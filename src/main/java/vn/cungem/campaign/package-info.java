/**
 * Campaigns: a programme's code and name, its organising and participating units, phases with date windows and
 * targets, eligible school levels, priority categories with weights, accepted item types, device requirements and a
 * timeline of milestones, moving DRAFT → ACTIVE → CLOSED. Needs, donations and allocation hang off a campaign by id.
 * The rules live in plain Java ({@link vn.cungem.campaign.CampaignSpec}, {@link vn.cungem.campaign.CampaignStatus});
 * {@link vn.cungem.campaign.Campaigns} is the façade other modules call.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Campaign (chương trình)",
        allowedDependencies = {"organisation", "shared"})
package vn.cungem.campaign;
