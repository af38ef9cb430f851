package vn.gbv.portal.audit;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gbv.portal.audit.AuditLog.AuditFilter;
import vn.gbv.portal.audit.AuditLog.AuditRow;

/** The audit trail's SQL: inserts (one, or a batch), and the filtered pages the administrator's view reads. */
@Repository
class AuditQueries {

    private static final String FILTERED = """
            from audit_event
            where (:text is null or actor like :text or entity_label like :text)
              and (:entity is null or entity_type = :entity)
              and (:fromTime is null or occurred_at >= :fromTime)
              and (:toTime is null or occurred_at < :toTime)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate plain;

    AuditQueries(JdbcClient jdbc, JdbcTemplate plain) {
        this.jdbc = jdbc;
        this.plain = plain;
    }

    void insert(String actor, String action, String entityType, String entityId, String entityLabel,
                String before, String after) {
        jdbc.sql("""
                insert into audit_event (actor, action, entity_type, entity_id, entity_label, before_value, after_value)
                values (:actor, :action, :entityType, :entityId, :entityLabel, :before, :after)
                """)
                .param("actor", actor).param("action", action).param("entityType", entityType)
                .param("entityId", entityId).param("entityLabel", entityLabel)
                .param("before", before).param("after", after)
                .update();
    }

    /** Rows of (actor, action, entity type, entity id, label, before, after), as one batch. */
    void insertAll(List<Object[]> rows) {
        plain.batchUpdate("""
                insert into audit_event (actor, action, entity_type, entity_id, entity_label, before_value, after_value)
                values (?, ?, ?, ?, ?, ?, ?)
                """, rows);
    }

    List<AuditRow> search(AuditFilter filter, ZoneId zone, int offset, int limit) {
        return filtered(jdbc.sql("""
                select id, occurred_at, actor, action, entity_type, entity_id, entity_label, before_value, after_value
                """ + FILTERED + """
                order by occurred_at desc, id desc
                limit :limit offset :offset
                """), filter, zone)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new AuditRow(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
                        rs.getString("entity_id"), rs.getString("entity_label"), rs.getString("before_value"),
                        rs.getString("after_value")))
                .list();
    }

    int count(AuditFilter filter, ZoneId zone) {
        return filtered(jdbc.sql("select count(*) " + FILTERED), filter, zone).query(Integer.class).single();
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec spec, AuditFilter filter, ZoneId zone) {
        String text = filter.text() == null || filter.text().isBlank() ? null : containsPattern(filter.text());
        return spec.param("text", text)
                .param("entity", filter.entity() == null ? null : filter.entity().column())
                .param("fromTime", filter.from() == null ? null
                        : Timestamp.from(filter.from().atStartOfDay(zone).toInstant()))
                .param("toTime", filter.to() == null ? null
                        : Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static String containsPattern(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
