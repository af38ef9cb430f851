package vn.gbv.portal.unit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.gbv.portal.unit.UnitService.FormerName;
import vn.gbv.portal.unit.UnitService.UnitAtDate;
import vn.gbv.portal.unit.UnitService.UnitNode;

/** Read-only projections of the unit tree, in SQL over the closure of the current tree. */
@Repository
class UnitQueries {

    private static final String NODE = """
            select u.id, u.code, u.name, u.type, u.valid_from, u.valid_to,
                   (select p.parent_id from unit_parent p where p.unit_id = u.id and p.valid_to is null) as parent_id,
                   (select count(*) from unit_closure k where k.ancestor_id = u.id and k.depth = 1) as child_count
            from unit u
            """;

    private final JdbcClient jdbc;

    UnitQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the tree for the rest of the caller's transaction: the first statement of every change
     * to the tree's shape. A row lock (on the job_lock row 'unit-tree', waiting at most 10 s) rather
     * than MariaDB's GET_LOCK: GET_LOCK belongs to the connection's session, not the transaction, so
     * releasing it after commit would need the very connection the pool may already have handed to
     * someone else; a row lock ends with the transaction, commit or rollback, whatever happens.
     * Taken before any other read, so that under REPEATABLE READ the transaction's snapshot starts
     * after the previous change committed and the cycle check sees the tree as it now is.
     *
     * @throws org.springframework.dao.PessimisticLockingFailureException after 10 s of waiting
     */
    void lockTree() {
        jdbc.sql("select name from job_lock where name = 'unit-tree' for update wait 10")
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("job_lock row 'unit-tree' is missing (migration V3_3)"));
    }

    Optional<UnitNode> node(long unitId) {
        return jdbc.sql(NODE + " where u.id = :id").param("id", unitId).query(UnitNode.class).optional();
    }

    /** The open units among these ids that are not below another of them, by name. */
    List<UnitNode> topmost(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(NODE + """
                 where u.id in (:ids) and u.valid_to is null
                   and not exists (select 1 from unit_closure c
                                   where c.descendant_id = u.id and c.depth > 0 and c.ancestor_id in (:ids))
                 order by u.name, u.id
                """).param("ids", unitIds).query(UnitNode.class).list();
    }

    List<UnitNode> children(long parentId, int offset, int limit) {
        return jdbc.sql(NODE + """
                 join unit_closure c on c.descendant_id = u.id
                 where c.ancestor_id = :parent and c.depth = 1
                 order by u.name, u.id
                 limit :limit offset :offset
                """).param("parent", parentId).param("limit", limit).param("offset", offset)
                .query(UnitNode.class).list();
    }

    int childCount(long parentId) {
        return jdbc.sql("select count(*) from unit_closure where ancestor_id = :parent and depth = 1")
                .param("parent", parentId).query(Integer.class).single();
    }

    /** Open units below (or equal to) one of the roots whose name or code contains the text. */
    List<UnitNode> search(String text, Collection<Long> rootIds, int offset, int limit) {
        if (rootIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(NODE + """
                 where u.valid_to is null
                   and (u.name like :pattern or u.code like :pattern)
                   and exists (select 1 from unit_closure c where c.descendant_id = u.id and c.ancestor_id in (:roots))
                 order by u.name, u.id
                 limit :limit offset :offset
                """).param("pattern", containsPattern(text)).param("roots", rootIds)
                .param("limit", limit).param("offset", offset)
                .query(UnitNode.class).list();
    }

    /** True when unitId is ancestorId itself or below it in the current tree. */
    boolean isInSubtree(long ancestorId, long unitId) {
        return jdbc.sql("select count(*) from unit_closure where ancestor_id = :ancestor and descendant_id = :unit")
                .param("ancestor", ancestorId).param("unit", unitId).query(Integer.class).single() > 0;
    }

    /**
     * The tree as it was on a date: units valid then, linked by the parent links valid then, named
     * as they were then. Roots: the given units, or (when null) every unit that had no parent then.
     */
    List<UnitAtDate> treeAsOf(LocalDate date, Collection<Long> rootIds) {
        if (rootIds != null && rootIds.isEmpty()) {
            return List.of();
        }
        String anchor = rootIds == null
                ? """
                  not exists (select 1 from unit_parent p where p.unit_id = u.id
                              and p.valid_from <= :date and (p.valid_to is null or p.valid_to > :date))
                  """
                : "u.id in (:roots)";
        var spec = jdbc.sql("""
                with recursive tree (id, parent_id, depth) as (
                    select u.id, cast(null as signed), 0 from unit u
                    where u.valid_from <= :date and (u.valid_to is null or u.valid_to > :date) and %s
                    union all
                    select p.unit_id, p.parent_id, t.depth + 1
                    from tree t
                    join unit_parent p on p.parent_id = t.id
                         and p.valid_from <= :date and (p.valid_to is null or p.valid_to > :date)
                    join unit c on c.id = p.unit_id
                         and c.valid_from <= :date and (c.valid_to is null or c.valid_to > :date)
                )
                select u.id, u.code, coalesce(h.name, u.name) as name, u.type, t.parent_id, t.depth
                from tree t
                join unit u on u.id = t.id
                left join unit_name_history h on h.unit_id = u.id and h.valid_from <= :date and h.valid_to > :date
                order by t.depth, name, u.id
                """.formatted(anchor)).param("date", date);
        if (rootIds != null) {
            spec = spec.param("roots", rootIds);
        }
        return spec.query(UnitAtDate.class).list();
    }

    List<FormerName> formerNames(long unitId) {
        return jdbc.sql("""
                select name, valid_from, valid_to from unit_name_history
                where unit_id = :unit order by valid_from desc
                """).param("unit", unitId).query(FormerName.class).list();
    }

    /** A LIKE pattern for "contains", with the user's own % and _ taken literally. */
    static String containsPattern(String text) {
        String escaped = text == null ? "" : text.trim()
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
