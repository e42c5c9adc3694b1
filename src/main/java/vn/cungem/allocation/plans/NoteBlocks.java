package vn.cungem.allocation.plans;

import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.cungem.allocation.plans.PlanNotes.Category;
import vn.cungem.allocation.plans.PlanNotes.Note;
import vn.cungem.shared.jdbc.CopyCsv;
import vn.cungem.shared.jdbc.PostgresCopy;

/**
 * The rows of {@code allocation_note_block}: written all at once with a plan (COPY on PostgreSQL, batches on H2), read
 * back a block at a time, and rewritten one block at a time by a change made by hand.
 */
@Component
class NoteBlocks {

    /** A block's place and content; {@code notes} is empty when only the header was read. */
    record Block(
            int block,
            Category category,
            long districtId,
            long unitId,
            Long schoolId,
            int firstLine,
            int count,
            long minId,
            long maxId,
            List<Note> notes) {

        static Block of(int block, Category category, long districtId, long unitId, Long schoolId, List<Note> notes) {
            long min = notes.stream().mapToLong(Note::id).min().orElseThrow();
            long max = notes.stream().mapToLong(Note::id).max().orElseThrow();
            int first = notes.stream().mapToInt(Note::line).min().orElseThrow();
            return new Block(
                    block, category, districtId, unitId, schoolId, first, notes.size(), min, max, List.copyOf(notes));
        }

        Block with(List<Note> replaced) {
            return of(block, category, districtId, unitId, schoolId, replaced);
        }
    }

    static final String HEADER =
            "block, category, district_id, unit_id, school_id, first_line, note_count, min_id, max_id";
    private static final String COLUMNS = "plan_id, " + HEADER + ", notes";
    private static final int CHUNK_CHARS = 8 << 20;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final boolean postgres;

    NoteBlocks(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.postgres = PostgresCopy.isPostgres(dataSource);
    }

    void insert(long planId, List<Block> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        if (!postgres) {
            jdbc.batchUpdate(
                    "insert into allocation_note_block (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    blocks,
                    1000,
                    (ps, b) -> {
                        ps.setLong(1, planId);
                        ps.setInt(2, b.block());
                        ps.setString(3, b.category().name());
                        ps.setLong(4, b.districtId());
                        ps.setLong(5, b.unitId());
                        ps.setObject(6, b.schoolId());
                        ps.setInt(7, b.firstLine());
                        ps.setInt(8, b.count());
                        ps.setLong(9, b.minId());
                        ps.setLong(10, b.maxId());
                        ps.setBytes(11, PlanNotes.encode(b.notes(), b.minId()));
                    });
            return;
        }
        HexFormat hex = HexFormat.of();
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            new CopyCsv(out)
                    .value(planId)
                    .value(b.block())
                    .text(b.category().name())
                    .value(b.districtId())
                    .value(b.unitId())
                    .value(b.schoolId())
                    .value(b.firstLine())
                    .value(b.count())
                    .value(b.minId())
                    .value(b.maxId())
                    .text("\\x" + hex.formatHex(PlanNotes.encode(b.notes(), b.minId())))
                    .end();
            if (out.length() > CHUNK_CHARS) {
                copy(out);
            }
        }
        copy(out);
    }

    private void copy(StringBuilder out) {
        if (out.isEmpty()) {
            return;
        }
        PostgresCopy.copyIn(
                dataSource,
                jdbc,
                "copy allocation_note_block (" + COLUMNS + ") from stdin with (format csv)",
                new StringReader(out.toString()));
        out.setLength(0);
    }

    /** The headers of the blocks that match {@code condition} (on the block's columns), in block order. */
    List<Block> headers(long planId, String condition, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = planId;
        System.arraycopy(params, 0, all, 1, params.length);
        return jdbc.query(
                "select " + HEADER + " from allocation_note_block where plan_id = ? and " + condition
                        + " order by block",
                (rs, n) -> header(rs, List.of()),
                all);
    }

    Block read(long planId, Block header) {
        byte[] bytes = jdbc.queryForObject(
                "select notes from allocation_note_block where plan_id = ? and block = ?",
                byte[].class,
                planId,
                header.block());
        return new Block(
                header.block(),
                header.category(),
                header.districtId(),
                header.unitId(),
                header.schoolId(),
                header.firstLine(),
                header.count(),
                header.minId(),
                header.maxId(),
                PlanNotes.decode(bytes, header.count(), header.minId()));
    }

    /** Writes a block changed by hand again; a block left empty is deleted. */
    void replace(long planId, Block header, List<Note> notes) {
        jdbc.update("delete from allocation_note_block where plan_id = ? and block = ?", planId, header.block());
        if (!notes.isEmpty()) {
            insertOne(planId, header.with(notes));
        }
    }

    /** Adds a note to the matching block of its school, or to a new block. */
    void add(long planId, Category category, long districtId, long unitId, Long schoolId, Note note) {
        Optional<Block> found = (schoolId == null
                        ? headers(planId, "category = ? and unit_id = ? and school_id is null", category.name(), unitId)
                        : headers(
                                planId,
                                "category = ? and unit_id = ? and school_id = ?",
                                category.name(),
                                unitId,
                                schoolId))
                .stream().findFirst();
        if (found.isPresent()) {
            Block block = read(planId, found.get());
            List<Note> notes = new java.util.ArrayList<>(block.notes());
            notes.add(note);
            replace(planId, block, notes);
        } else {
            Integer next = jdbc.queryForObject(
                    "select coalesce(max(block), 0) + 1 from allocation_note_block where plan_id = ?",
                    Integer.class,
                    planId);
            insertOne(planId, Block.of(next, category, districtId, unitId, schoolId, List.of(note)));
        }
    }

    private void insertOne(long planId, Block b) {
        jdbc.update(
                "insert into allocation_note_block (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                planId,
                b.block(),
                b.category().name(),
                b.districtId(),
                b.unitId(),
                b.schoolId(),
                b.firstLine(),
                b.count(),
                b.minId(),
                b.maxId(),
                PlanNotes.encode(b.notes(), b.minId()));
    }

    private static Block header(ResultSet rs, List<Note> notes) throws SQLException {
        return new Block(
                rs.getInt(1),
                Category.valueOf(rs.getString(2)),
                rs.getLong(3),
                rs.getLong(4),
                rs.getObject(5, Long.class),
                rs.getInt(6),
                rs.getInt(7),
                rs.getLong(8),
                rs.getLong(9),
                notes);
    }
}
