package vn.cungem.student.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.cungem.student.importing.StudentImportIntegrationTests.personalId;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.cungem.shared.security.Caller;
import vn.cungem.student.importing.ImportJob.Status;
import vn.cungem.student.internal.StudentColumns;
import vn.cungem.testsupport.IntegrationTest;
import vn.cungem.testsupport.TestFixtures;

/**
 * The commit of a previewed import moves the rows the preview checked ({@code student_import_staged}) into the
 * registry without reading the file again, unless the registry or the campaign changed since the preview: then it
 * checks the file again, so a child registered meanwhile is still caught.
 */
@IntegrationTest
class StagedCommitIntegrationTests {

    /** A phase only a run that reads the file has (see ImportRuns): its absence means the file was not read. */
    private static final String READ = "read+check, alongside";

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StudentImports imports;

    @Autowired
    ImportExpiry expiry;

    @Autowired
    vn.cungem.shared.ratelimit.RateLimits rateLimits;

    ImportTestData data;
    long province;
    long campaign;
    String codeA;
    String codeB;
    Caller manager;

    @BeforeEach
    void setUp() {
        data = new ImportTestData(jdbc);
        province = fixtures.unit("Tỉnh Giữ Dòng", "province", null);
        long commune = fixtures.unit("Xã Giữ Dòng", "commune", province);
        codeA = data.schoolCode(fixtures.school("Trường Tiểu học Giữ Dòng A", commune));
        codeB = data.schoolCode(fixtures.school("Trường Tiểu học Giữ Dòng B", commune));
        campaign = data.campaign(province);
        manager = fixtures.manager(province).caller();
    }

    private ImportJob preview(long campaignId, String file, List<List<String>> rows) {
        ImportJob job = imports.upload(campaignId, file, ImportTestData.xlsx(rows), null, manager);
        assertThat(job.status()).isEqualTo(Status.PREVIEW);
        return job;
    }

    /** A name word per number ("Ba", "Bb", …): a file's names must differ and hold no digits. */
    private static String letters(int i) {
        StringBuilder out = new StringBuilder();
        do {
            out.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return "B" + out;
    }

    private long staged(long importId) {
        return jdbc.sql("select count(*) from student_import_staged where source_import_id = ?")
                .param(importId)
                .query(Long.class)
                .single();
    }

    private long named(long campaignId, String name) {
        return jdbc.sql("select count(*) from student where campaign_id = ? and name_folded = ?")
                .params(campaignId, name)
                .query(Long.class)
                .single();
    }

    private List<Map<String, Object>> columns(String table, String where, long importId) {
        return jdbc.sql("select " + StudentColumns.names(StudentColumns.IMPORTED) + " from " + table + " where " + where
                        + " = ? order by source_row")
                .param(importId)
                .query()
                .listOfRows();
    }

    @Test
    void aCommitAfterThePreviewWritesExactlyThePreviewedRowsWithoutReadingTheFileAgain() {
        List<String> bad = ImportTestData.row("Phạm Minh Đức", "31/02/2013", "Nam", "", codeA);
        ImportJob job = preview(
                campaign,
                "giu-dong.xlsx",
                List.of(
                        ImportTestData.row("NGUYỄN VĂN AN", "05/09/2013", "Nam", personalId("079213"), codeA),
                        bad,
                        ImportTestData.row("Trần Thị Bình", "2014-02-03", "nữ", "", codeB),
                        ImportTestData.row("Lê Hoàng Cường", "01/03/2013", "Nam", "", codeA)));
        assertThat(job.errors()).isEqualTo(1);
        assertThat(staged(job.id())).isEqualTo(3);
        List<Map<String, Object>> previewed = columns("student_import_staged", "source_import_id", job.id());

        ImportJob committed = imports.commit(campaign, job.id(), manager);

        assertThat(committed.status()).isEqualTo(Status.COMMITTED);
        assertThat(imports.lastRun().timingsMs())
                .containsKey("re-check changes")
                .doesNotContainKey(READ);
        assertThat(imports.lastRun().staged()).isTrue();
        assertThat(committed.inserted()).isEqualTo(3);
        assertThat(committed.errors()).isEqualTo(1);
        assertThat(columns("student", "source_import_id", job.id())).isEqualTo(previewed);
        assertThat(staged(job.id())).isZero();
        // The preview's findings stay for the person to read after the commit (the database is shared by the tests:
        // children of earlier runs with the same names may add warnings, never errors).
        assertThat(imports.problems(campaign, job.id(), "ERROR", 0, 10, manager).rows())
                .extracting(StudentImports.RowProblem::row)
                .containsExactly(3);
        assertThat(jdbc.sql("select count(*) from student_status_change h join student s on s.id = h.student_id"
                                + " where s.source_import_id = ? and h.to_status = 'REGISTERED'")
                        .param(job.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    /**
     * A file of three chunks, checked and committed by the worker as a large file is, on a thread whose pooled
     * connection a rate-limit check used just before: the commit moves the staged rows and never falls back to reading
     * the file again. In a full H2 run the fallback used to be taken, because the limiter left H2's session-wide 5 s
     * query timeout on the connection and the staged commit's comparing query was cancelled.
     */
    @Test
    void aLargeFileIsCommittedFromItsStagedRowsNotCheckedAgain() {
        int n = 2 * CheckedChunks.CHUNK + 500;
        List<List<String>> rows = new java.util.ArrayList<>(n);
        java.time.LocalDate born = java.time.LocalDate.of(2012, 1, 1);
        for (int i = 0; i < n; i++) {
            rows.add(ImportTestData.row(
                    "Học Sinh " + letters(i), born.plusDays(i % 700).toString(), "Nam", "", codeA));
        }
        ImportJob job = imports.upload(campaign, "ba-phan.xlsx", ImportTestData.xlsx(rows), null, manager);
        assertThat(job.status()).isEqualTo(Status.VALIDATING);
        assertThat(imports.claim(job.id())).isTrue();
        imports.runValidation(job.id());
        assertThat(imports.get(job.id(), manager).status()).isEqualTo(Status.PREVIEW);
        assertThat(staged(job.id())).isEqualTo(n);
        rateLimits.check("lookup-per-client", "staged-commit-" + TestFixtures.unique(""));

        assertThat(imports.commit(campaign, job.id(), manager).status()).isEqualTo(Status.COMMITTING);
        assertThat(imports.claim(job.id())).isTrue();
        imports.runCommit(job.id());

        ImportJob done = imports.get(job.id(), manager);
        assertThat(done.status()).isEqualTo(Status.COMMITTED);
        assertThat(imports.lastRun().staged())
                .as("committed from the staged rows")
                .isTrue();
        assertThat(imports.lastRun().timingsMs()).doesNotContainKey(READ);
        assertThat(done.inserted()).isEqualTo(n);
        assertThat(staged(job.id())).isZero();
    }

    /**
     * PostgreSQL's staging table is unlogged (V281): a crash between the preview and the commit empties it. A commit
     * that finds fewer staged rows than the preview staged checks the file again and writes every row, never nothing.
     */
    @Test
    void stagedRowsLostSinceThePreviewAreReadFromTheFileAgain() {
        ImportJob job = preview(
                campaign,
                "mat-dong.xlsx",
                List.of(
                        ImportTestData.row("Đặng Văn Khoa", "06/06/2013", "Nam", "", codeA),
                        ImportTestData.row("Đặng Thị Lan", "07/07/2013", "Nữ", "", codeB)));
        jdbc.sql("delete from student_import_staged where source_import_id = ? and source_row = 3")
                .param(job.id())
                .update();

        ImportJob committed = imports.commit(campaign, job.id(), manager);

        assertThat(committed.status()).isEqualTo(Status.COMMITTED);
        assertThat(imports.lastRun().staged()).isFalse();
        assertThat(imports.lastRun().timingsMs()).containsKey(READ);
        assertThat(committed.inserted()).isEqualTo(2);
        assertThat(named(campaign, "dang thi lan")).isEqualTo(1);
    }

    @Test
    void aChildRegisteredElsewhereBetweenThePreviewAndTheCommitIsStillRefused() {
        String namId = personalId("079213");
        ImportJob job = preview(
                campaign,
                "dot-1.xlsx",
                List.of(
                        ImportTestData.row("Bùi Thị Lan", "09/09/2013", "Nữ", "", codeA),
                        ImportTestData.row("Đặng Văn Nam", "10/10/2013", "Nam", namId, codeA)));
        assertThat(job.errors()).isZero();
        // Meanwhile another campaign registers the same child (same personal ID).
        long other = data.campaign(province);
        ImportJob meanwhile = preview(
                other, "khac.xlsx", List.of(ImportTestData.row("Đặng Văn Nam", "10/10/2013", "Nam", namId, codeB)));
        imports.commit(other, meanwhile.id(), manager);

        ImportJob committed = imports.commit(campaign, job.id(), manager);

        assertThat(committed.status()).isEqualTo(Status.COMMITTED);
        assertThat(imports.lastRun().timingsMs()).containsKey(READ);
        assertThat(committed.inserted()).isEqualTo(1);
        assertThat(committed.errors()).isEqualTo(1);
        assertThat(named(campaign, "dang van nam")).isZero();
        assertThat(named(other, "dang van nam")).isEqualTo(1);
        assertThat(imports.problems(campaign, job.id(), "ERROR", 0, 10, manager).rows())
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.row()).isEqualTo(3);
                    assertThat(r.outcome()).isEqualTo("ERROR");
                });
        assertThat(staged(job.id())).isZero();
    }

    @Test
    void aChildRegisteredInTheSameCampaignMeanwhileIsUpdatedNotDuplicated() {
        String id = personalId("079213");
        ImportJob job = preview(
                campaign, "a.xlsx", List.of(ImportTestData.row("Đặng Văn Nam", "10/10/2013", "Nam", id, codeA)));
        ImportJob meanwhile = preview(
                campaign, "b.xlsx", List.of(ImportTestData.row("Đặng Văn Nam", "10/10/2013", "Nam", id, codeA)));
        imports.commit(campaign, meanwhile.id(), manager);

        ImportJob committed = imports.commit(campaign, job.id(), manager);

        assertThat(imports.lastRun().timingsMs()).containsKey(READ);
        assertThat(committed.inserted()).isZero();
        assertThat(committed.updated()).isEqualTo(1);
        assertThat(named(campaign, "dang van nam")).isEqualTo(1);
    }

    @Test
    void aPriorityCategoryChangedBetweenThePreviewAndTheCommitIsCheckedAgain() {
        ImportJob job =
                preview(campaign, "a.xlsx", List.of(ImportTestData.row("Lê Thị Hoa", "01/02/2014", "Nữ", "", codeA)));
        int previewed = jdbc.sql("select priority_score from student_import_staged where source_import_id = ?")
                .param(job.id())
                .query(Integer.class)
                .single();
        jdbc.sql("update campaign_priority_category set weight = 77 where campaign_id = ? and code = 'HO_NGHEO'")
                .param(campaign)
                .update();

        imports.commit(campaign, job.id(), manager);

        assertThat(imports.lastRun().timingsMs()).containsKey(READ);
        assertThat(jdbc.sql("select priority_score from student where source_import_id = ?")
                        .param(job.id())
                        .query(Integer.class)
                        .single())
                .isGreaterThan(previewed);
    }

    @Test
    void theStagedRowsAreGoneOnceTheImportIsDiscardedOrCommitted() {
        List<List<String>> rows = List.of(ImportTestData.row("Võ Văn Tâm", "03/03/2013", "Nam", "", codeA));
        ImportJob discarded = preview(campaign, "bo.xlsx", rows);
        assertThat(staged(discarded.id())).isEqualTo(1);
        imports.discard(campaign, discarded.id(), manager);
        assertThat(staged(discarded.id())).isZero();

        ImportJob kept = preview(campaign, "giu.xlsx", rows);
        assertThat(staged(kept.id())).isEqualTo(1);
        imports.commit(campaign, kept.id(), manager);
        assertThat(staged(kept.id())).isZero();
    }

    @Test
    void aPreviewNobodyCameBackToIsDiscardedAfterAWeekWithItsStagedRows() {
        List<List<String>> rows = List.of(ImportTestData.row("Võ Văn Tâm", "03/03/2013", "Nam", "", codeA));
        ImportJob old = preview(campaign, "cu.xlsx", rows);
        ImportJob recent = preview(campaign, "moi.xlsx", rows);
        jdbc.sql("update student_import set updated_at = ? where id = ?")
                .params(java.time.OffsetDateTime.now().minusDays(8), old.id())
                .update();

        expiry.discardUntouchedSince(java.time.OffsetDateTime.now().minusDays(7));

        assertThat(imports.get(old.id(), manager).status()).isEqualTo(Status.DISCARDED);
        assertThat(staged(old.id())).isZero();
        assertThat(imports.get(recent.id(), manager).status()).isEqualTo(Status.PREVIEW);
        assertThat(staged(recent.id())).isEqualTo(1);
    }

    @Test
    void aRetriedCommitWritesNothingTwice() {
        ImportJob job = preview(
                campaign,
                "a.xlsx",
                List.of(
                        ImportTestData.row("Hồ Thị Mai", "04/04/2013", "Nữ", "", codeA),
                        ImportTestData.row("Hồ Văn Minh", "05/05/2013", "Nam", "", codeB)));
        imports.commit(campaign, job.id(), manager);
        // The same request again, and a worker that takes the run up again after a node stopped.
        ImportJob again = imports.commit(campaign, job.id(), manager);
        imports.runCommit(job.id());

        assertThat(again.status()).isEqualTo(Status.COMMITTED);
        assertThat(again.inserted()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from student where source_import_id = ?")
                        .param(job.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from student_status_change h join student s on s.id = h.student_id"
                                + " where s.source_import_id = ?")
                        .param(job.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }
}
