package vn.cungem.campaign.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.campaign.CampaignStatus;
import vn.cungem.campaign.CampaignSummary;
import vn.cungem.shared.security.Caller;
import vn.cungem.shared.security.Scope;
import vn.cungem.shared.text.VietnameseText;

/**
 * Which campaigns a caller sees, and the paged search over them. The campaign-area rule is written here, in campaign's
 * own SQL, over organisation's published unit tree ({@code org_unit_tree}).
 */
@Repository
public class CampaignVisibility {

    private final JdbcClient jdbc;

    CampaignVisibility(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which campaigns a caller sees, as a SQL condition on {@code c}: those organised in their subtree, those with a
     * participating unit in their subtree, and those whose area holds the caller's unit (a participating unit above
     * it, or the organiser above it when the campaign names no participating units). School and partner accounts see
     * only the campaigns whose area holds their unit. The unit id is set by the server, never user input.
     */
    String visibleTo(Caller caller) {
        Scope scope = caller.scope();
        if (scope.isEverything()) {
            return "1=1";
        }
        if (scope.unitId() == null || scope.kind() == Scope.Kind.NONE) {
            return "1=0";
        }
        long unit = scope.unitId();
        String area = "exists (select 1 from campaign_unit cu join org_unit_tree uc on uc.ancestor_id = cu.unit_id"
                + " where cu.campaign_id = c.id and uc.descendant_id = " + unit + ")"
                + " or (not exists (select 1 from campaign_unit cu where cu.campaign_id = c.id)"
                + " and exists (select 1 from org_unit_tree uc where uc.ancestor_id = c.organising_unit_id"
                + " and uc.descendant_id = " + unit + "))";
        // A school sees the campaigns whose area takes in its unit. A unit's managers, and a partner organisation
        // working in a unit (the Women's Union of a city), also see the campaigns run inside it: a city partner of a
        // campaign that lists the city's wards one by one.
        if (scope.kind() != Scope.Kind.UNIT && scope.kind() != Scope.Kind.PARTNER) {
            return "(" + area + ")";
        }
        return "(c.organising_unit_id in (select descendant_id from org_unit_tree where ancestor_id = " + unit + ")"
                + " or exists (select 1 from campaign_unit cu join org_unit_tree uc on uc.descendant_id = cu.unit_id"
                + " where cu.campaign_id = c.id and uc.ancestor_id = " + unit + ")"
                + " or " + area + ")";
    }

    public boolean isVisible(long id, Caller caller) {
        return jdbc.sql("select count(*) from campaign c where c.id = ? and " + visibleTo(caller))
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public List<CampaignSummary> search(
            String foldedQuery, CampaignStatus status, Caller caller, int limit, long offset) {
        StringBuilder sql = new StringBuilder("""
                select c.id, c.code, c.name, c.status, u.name as unit_name,
                       (select min(p.starts_on) from campaign_phase p where p.campaign_id = c.id) as starts_on,
                       (select case when count(*) = count(p.ends_on) then max(p.ends_on) end
                          from campaign_phase p where p.campaign_id = c.id) as ends_on
                from campaign c join org_unit u on u.id = c.organising_unit_id
                where\s""");
        sql.append(visibleTo(caller));
        List<Object> params = new ArrayList<>();
        if (foldedQuery != null && !foldedQuery.isBlank()) {
            sql.append(" and (c.name_folded like ? escape '\\' or lower(c.code) like ? escape '\\')");
            String like = VietnameseText.likeContains(foldedQuery);
            params.add(like);
            params.add(like);
        }
        if (status != null) {
            sql.append(" and c.status = ?");
            params.add(status.name());
        }
        sql.append(" order by c.created_at desc, c.id desc limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new CampaignSummary(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        CampaignStatus.valueOf(rs.getString("status")),
                        rs.getString("unit_name"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getObject("ends_on", LocalDate.class)))
                .list();
    }
}
