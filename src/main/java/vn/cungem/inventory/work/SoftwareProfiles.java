package vn.cungem.inventory.work;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.cungem.campaign.Campaigns;
import vn.cungem.inventory.lifecycle.ItemMove;
import vn.cungem.inventory.lifecycle.ItemStatus;
import vn.cungem.inventory.lifecycle.Lifecycle;
import vn.cungem.inventory.lifecycle.Worded;
import vn.cungem.organisation.SchoolLevel;
import vn.cungem.shared.NotFoundException;
import vn.cungem.shared.security.Caller;

/**
 * Software profiles by school level, configured per campaign (004: learning software by school level; for example
 * primary: a browser with safe search and the school's learning app; upper secondary: an office suite too), and the
 * step that installs one on a wiped device.
 */
@Service
public class SoftwareProfiles {

    public static final String ENTITY = "inventory_software_profile";

    private final JdbcClient jdbc;
    private final ItemWork work;
    private final Campaigns campaigns;

    SoftwareProfiles(JdbcClient jdbc, ItemWork work, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.work = work;
        this.campaigns = campaigns;
    }

    public record Profile(long id, long campaignId, SchoolLevel level, String name, String contents) {}

    private static final String SELECT =
            "select id, campaign_id, school_level, name, contents" + " from inventory_software_profile where ";

    private static final org.springframework.jdbc.core.RowMapper<Profile> ROW = (rs, n) -> new Profile(
            rs.getLong(1), rs.getLong(2), SchoolLevel.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5));

    public record NewProfile(SchoolLevel level, String name, String contents) {}

    public record Install(Long profileId, String note) {}

    /** The campaign's profiles for whoever may see the campaign. */
    public List<Profile> of(long campaignId, Caller caller) {
        if (!campaigns.isVisible(campaignId, caller)) {
            throw new NotFoundException(Campaigns.ENTITY, campaignId);
        }
        return jdbc.sql(SELECT + "campaign_id = ? order by school_level, name")
                .param(campaignId)
                .query(ROW)
                .list();
    }

    public Optional<Profile> find(long id) {
        return jdbc.sql(SELECT + "id = ?").param(id).query(ROW).optional();
    }

    /** Only those who may edit the campaign configure its profiles; a name is used once per campaign. */
    public Profile create(long campaignId, NewProfile form, Caller caller) {
        var campaign = campaigns.get(campaignId, caller);
        if (!campaigns.canEdit(campaign, caller)) {
            throw new org.springframework.security.access.AccessDeniedException("may not configure profiles");
        }
        if (form.level() == null) {
            throw Worded.invalid("inventory.profile-level", "inventory.work.profile.level");
        }
        String name = Texts.required(form.name(), 120, "profile-name");
        String contents = Texts.required(form.contents(), 1000, "profile-contents");
        try {
            jdbc.sql("""
                            insert into inventory_software_profile (campaign_id, school_level, name, contents, created_at)
                            values (?, ?, ?, ?, ?)""")
                    .params(campaignId, form.level().name(), name, contents, OffsetDateTime.now())
                    .update();
        } catch (DuplicateKeyException e) {
            throw Worded.conflict("inventory.profile-name", "inventory.work.profile.name-taken", name);
        }
        return of(campaignId, caller).stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** Installs a profile of the item's own campaign on a wiped device; the item records which one. */
    public ItemWork.Outcome install(String tag, Install form, Integer seenVersion, String key, Caller caller) {
        if (form.profileId() == null) {
            throw Worded.invalid("inventory.profile-required", "inventory.work.profile.required");
        }
        String note = Texts.optional(form.note(), 500, "note");
        return work.perform(tag, seenVersion, key, caller, new Step() {
            Profile profile;

            @Override
            public String kind() {
                return "SOFTWARE";
            }

            @Override
            public ItemStatus aim() {
                return ItemStatus.SOFTWARE_INSTALLED;
            }

            @Override
            public ItemMove plan(WorkItem item, Caller who, boolean wiped) {
                ItemMove move = Lifecycle.decide(item.status(), ItemMove.INSTALL_SOFTWARE, who.role(), wiped)
                        .orThrow();
                profile = find(form.profileId())
                        .filter(p -> p.campaignId() == item.campaignId())
                        .orElseThrow(
                                () -> Worded.invalid("inventory.profile-unknown", "inventory.work.profile.unknown"));
                return move;
            }

            @Override
            public String note() {
                // a refused attempt may never have got as far as choosing the profile
                return profile == null ? note : note == null ? profile.name() : profile.name() + " · " + note;
            }

            @Override
            public void record(WorkItem item, long historyId, Caller who, OffsetDateTime at) {
                jdbc.sql("update inventory_item set software_profile_id = ? where id = ?")
                        .params(profile.id(), item.id())
                        .update();
            }
        });
    }
}
