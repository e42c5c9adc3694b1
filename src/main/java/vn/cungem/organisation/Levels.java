package vn.cungem.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.cungem.organisation.tree.TreeRules;
import vn.cungem.shared.ConflictException;
import vn.cungem.shared.InvalidValueException;
import vn.cungem.shared.audit.DomainChange;
import vn.cungem.shared.security.Caller;

/** The administrative levels a deployment configures (province, district, commune …), ranked from the root down. */
@Component
class Levels {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Levels(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    List<Level> all() {
        return jdbc.sql("select code, rank_order, name_vi, name_en from administrative_level order by rank_order")
                .query((rs, n) -> new Level(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    Optional<Level> find(String code) {
        return all().stream().filter(l -> l.code().equals(code)).findFirst();
    }

    /** The level with this code, or the 400 a form shows for a level nobody configured. */
    Level require(String code) {
        return find(code == null ? "" : code.strip()).orElseThrow(() -> unknown(code));
    }

    Level ensure(String code, int rank, String nameVi, String nameEn) {
        String levelCode = TreeRules.requireLevelCode(code);
        String vi = TreeRules.requireName(nameVi, 100);
        String en = TreeRules.requireName(nameEn, 100);
        Optional<Level> existing = find(levelCode);
        if (existing.isPresent()) {
            return existing.get();
        }
        boolean rankTaken = all().stream().anyMatch(l -> l.rank() == rank);
        if (rankTaken) {
            throw ConflictException.of("level.rank.taken", "org.error.level-rank-taken", rank);
        }
        jdbc.sql("insert into administrative_level (code, rank_order, name_vi, name_en) values (?, ?, ?, ?)")
                .params(levelCode, rank, vi, en)
                .update();
        Level level = new Level(levelCode, rank, vi, en);
        events.publishEvent(DomainChange.created(
                "AdministrativeLevel",
                levelCode,
                null,
                Map.of("code", levelCode, "rank", rank, "nameVi", vi, "nameEn", en)));
        return level;
    }

    Level add(Caller caller, String code, int rank, String nameVi, String nameEn) {
        if (!caller.isAdmin()) {
            throw new AccessDeniedException("admin only");
        }
        if (find(TreeRules.requireLevelCode(code)).isPresent()) {
            throw ConflictException.of("level.exists", "org.error.level-exists", code);
        }
        return ensure(code, rank, nameVi, nameEn);
    }

    private static InvalidValueException unknown(String code) {
        return InvalidValueException.of("unit.level.unknown", "org.error.level-unknown", code);
    }
}
