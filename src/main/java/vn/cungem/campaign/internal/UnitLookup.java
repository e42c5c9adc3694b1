package vn.cungem.campaign.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.cungem.campaign.Campaign.UnitRef;

/** Units as a campaign names them, read from organisation's published view {@code org_unit}. */
@Repository
public class UnitLookup {

    private final JdbcClient jdbc;

    UnitLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UnitRef> unit(long id) {
        return jdbc.sql("select id, code, name from org_unit where id = ?")
                .param(id)
                .query(UnitLookup::unitRef)
                .optional();
    }

    public Optional<UnitRef> unitByCode(String code) {
        return jdbc.sql("select id, code, name from org_unit where code = ?")
                .param(code)
                .query(UnitLookup::unitRef)
                .optional();
    }

    public List<UnitRef> unitsByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        String marks = codes.stream().map(c -> "?").collect(Collectors.joining(","));
        return jdbc.sql("select id, code, name from org_unit where code in (" + marks + ")")
                .params(new ArrayList<>(codes))
                .query(UnitLookup::unitRef)
                .list();
    }

    /** The direct children of a unit that are still in service (e.g. the 34 wards of Thủ Đức). */
    public List<UnitRef> childUnits(long parentId) {
        return jdbc.sql("select id, code, name from org_unit where parent_id = ? and retired_on is null order by code")
                .param(parentId)
                .query(UnitLookup::unitRef)
                .list();
    }

    static UnitRef unitRef(ResultSet rs, int n) throws SQLException {
        return new UnitRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"));
    }
}
