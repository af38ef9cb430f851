package vn.gbv.portal.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** import_batch, import_row and import_effect. */
@Repository
class ImportQueries {

    private static final String BATCH = """
            select id, kind, status, uploaded_by, file_name, options, rows_new, rows_updated, rows_unchanged,
                   rows_error, rows_skipped, rows_other, created_at, committed_at, committed_by, closed_at, closed_by
            from import_batch
            """;

    private final NamedParameterJdbcTemplate jdbc;

    ImportQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insertBatch(ImportKind kind, String user, String fileName, String options) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                insert into import_batch (kind, status, uploaded_by, file_name, options)
                values (:kind, 'PREVIEW', :user, :file, :options)""",
                new MapSqlParameterSource("kind", kind.name()).addValue("user", user).addValue("file", fileName)
                        .addValue("options", options), key, new String[] {"id"});
        return key.getKey().longValue();
    }

    void insertRows(long batchId, List<PreviewRow> rows) {
        SqlParameterSource[] params = rows.stream().map(r -> new MapSqlParameterSource("batch", batchId)
                .addValue("row", r.rowNo()).addValue("outcome", r.outcome().name()).addValue("target", r.targetId())
                .addValue("payload", r.payload()).addValue("messages", ImportJson.messages(r.messages())))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into import_row (batch_id, row_no, outcome, target_id, payload, messages)
                values (:batch, :row, :outcome, :target, :payload, :messages)""", params);
    }

    void updateOptions(long batchId, String options) {
        jdbc.update("update import_batch set options = :options where id = :id",
                new MapSqlParameterSource("id", batchId).addValue("options", options));
    }

    void updateCounts(long batchId, BatchCounts counts) {
        jdbc.update("""
                update import_batch set rows_new = :n, rows_updated = :u, rows_unchanged = :s, rows_error = :e,
                       rows_skipped = :k, rows_other = :o where id = :id""",
                new MapSqlParameterSource("id", batchId).addValue("n", counts.created()).addValue("u", counts.updated())
                        .addValue("s", counts.unchanged()).addValue("e", counts.errors())
                        .addValue("k", counts.skipped()).addValue("o", counts.other()));
    }

    Optional<ImportBatch> batch(long id) {
        return jdbc.query(BATCH + " where id = :id", new MapSqlParameterSource("id", id), ImportQueries::batch)
                .stream().findFirst();
    }

    List<ImportBatch> batches(ImportKind kind, String user, Collection<BatchStatus> statuses, int limit) {
        return jdbc.query(BATCH + """
                 where kind = :kind and (:user is null or uploaded_by = :user) and status in (:statuses)
                order by created_at desc, id desc limit :limit""",
                new MapSqlParameterSource("kind", kind.name()).addValue("user", user)
                        .addValue("statuses", statuses.stream().map(Enum::name).toList()).addValue("limit", limit),
                ImportQueries::batch);
    }

    /** Moves a batch from one status to the next; false when it was not in {@code from} (another node was first). */
    boolean moveStatus(long id, BatchStatus from, BatchStatus to, String user) {
        String stamp = to == BatchStatus.COMMITTED ? "committed_at = current_timestamp(3), committed_by = :user"
                : "closed_at = current_timestamp(3), closed_by = :user";
        return jdbc.update("update import_batch set status = :to, " + stamp + " where id = :id and status = :from",
                new MapSqlParameterSource("id", id).addValue("from", from.name()).addValue("to", to.name())
                        .addValue("user", user)) == 1;
    }

    void deleteRows(long batchId) {
        jdbc.update("delete from import_row where batch_id = :id", new MapSqlParameterSource("id", batchId));
    }

    List<PreviewRow> rows(long batchId, Collection<RowOutcome> outcomes, int offset, int limit) {
        return jdbc.query("""
                select row_no, outcome, target_id, payload, messages from import_row
                where batch_id = :id and outcome in (:outcomes) order by row_no limit :limit offset :offset""",
                new MapSqlParameterSource("id", batchId).addValue("outcomes", names(outcomes))
                        .addValue("limit", limit).addValue("offset", offset),
                (rs, i) -> row(rs));
    }

    int rowCount(long batchId, Collection<RowOutcome> outcomes) {
        return jdbc.queryForObject("select count(*) from import_row where batch_id = :id and outcome in (:outcomes)",
                new MapSqlParameterSource("id", batchId).addValue("outcomes", names(outcomes)), Integer.class);
    }

    void eachRow(long batchId, Collection<RowOutcome> outcomes, Consumer<PreviewRow> each) {
        jdbc.query("""
                select row_no, outcome, target_id, payload, messages from import_row
                where batch_id = :id and outcome in (:outcomes) order by row_no""",
                new MapSqlParameterSource("id", batchId).addValue("outcomes", names(outcomes)),
                (RowCallbackHandler) rs -> each.accept(row(rs)));
    }

    void insertEffects(long batchId, List<ImportEffect> effects) {
        SqlParameterSource[] params = effects.stream().map(e -> new MapSqlParameterSource("batch", batchId)
                .addValue("seq", e.seq()).addValue("row", e.rowNo()).addValue("kind", e.kind())
                .addValue("target", e.targetId()).addValue("data", e.data()))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate("""
                insert into import_effect (batch_id, seq, row_no, kind, target_id, data)
                values (:batch, :seq, :row, :kind, :target, :data)""", params);
    }

    void eachEffectNewestFirst(long batchId, Consumer<ImportEffect> each) {
        jdbc.query("select seq, row_no, kind, target_id, data from import_effect where batch_id = :id order by seq desc",
                new MapSqlParameterSource("id", batchId),
                (RowCallbackHandler) rs -> each.accept(new ImportEffect(rs.getInt(1), (Integer) rs.getObject(2, Integer.class),
                        rs.getString(3), rs.getLong(4), rs.getString(5))));
    }

    int nextEffectSeq(long batchId) {
        return jdbc.queryForObject("select coalesce(max(seq), 0) + 1 from import_effect where batch_id = :id",
                new MapSqlParameterSource("id", batchId), Integer.class);
    }

    private static List<String> names(Collection<RowOutcome> outcomes) {
        return outcomes.stream().map(Enum::name).toList();
    }

    private static PreviewRow row(ResultSet rs) throws SQLException {
        return new PreviewRow(rs.getInt(1), RowOutcome.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
                rs.getString(4), ImportJson.messages(rs.getString(5)));
    }

    private static ImportBatch batch(ResultSet rs, int i) throws SQLException {
        return new ImportBatch(rs.getLong("id"), ImportKind.valueOf(rs.getString("kind")),
                BatchStatus.valueOf(rs.getString("status")), rs.getString("uploaded_by"), rs.getString("file_name"),
                rs.getString("options"),
                new BatchCounts(rs.getInt("rows_new"), rs.getInt("rows_updated"), rs.getInt("rows_unchanged"),
                        rs.getInt("rows_error"), rs.getInt("rows_skipped"), rs.getInt("rows_other")),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("committed_at")),
                rs.getString("committed_by"), instant(rs.getTimestamp("closed_at")), rs.getString("closed_by"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
