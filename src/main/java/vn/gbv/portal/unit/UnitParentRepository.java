package vn.gbv.portal.unit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UnitParentRepository extends JpaRepository<UnitParent, Long> {

    Optional<UnitParent> findByUnitIdAndValidToIsNull(long unitId);

    List<UnitParent> findByParentIdAndValidToIsNull(long parentId);

    @Modifying(flushAutomatically = true)
    @Query(value = "delete from unit_closure", nativeQuery = true)
    void deleteClosure();

    @Modifying(flushAutomatically = true)
    @Query(value = "delete from unit_closure_dated", nativeQuery = true)
    void deleteDatedClosure();

    /**
     * The tree at every date: A is above D (or is D) while D exists and every parent link on the
     * way up is valid. Same statement as in migration V3, which filled it the first time.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = """
            insert into unit_closure_dated (ancestor_id, descendant_id, depth, valid_from, valid_to)
            with recursive up (descendant_id, ancestor_id, depth, valid_from, valid_to) as (
                select u.id, u.id, 0, u.valid_from, coalesce(u.valid_to, date '9999-12-31') from unit u
                union all
                select up.descendant_id, p.parent_id, up.depth + 1,
                       greatest(up.valid_from, p.valid_from), least(up.valid_to, coalesce(p.valid_to, date '9999-12-31'))
                from up
                join unit_parent p on p.unit_id = up.ancestor_id
                 and p.valid_from < up.valid_to and coalesce(p.valid_to, date '9999-12-31') > up.valid_from
            )
            select ancestor_id, descendant_id, depth, valid_from, valid_to from up where valid_from < valid_to
            """, nativeQuery = true)
    void insertDatedClosure();

    /**
     * The closure of the current tree: every open unit is its own ancestor at depth 0, and each
     * open parent link between open units adds a level.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = """
            insert into unit_closure (ancestor_id, descendant_id, depth)
            with recursive tree (ancestor_id, descendant_id, depth) as (
                select u.id, u.id, 0 from unit u where u.valid_to is null
                union all
                select t.ancestor_id, p.unit_id, t.depth + 1
                from tree t
                join unit_parent p on p.parent_id = t.descendant_id and p.valid_to is null
                join unit c on c.id = p.unit_id and c.valid_to is null
            )
            select ancestor_id, descendant_id, depth from tree
            """, nativeQuery = true)
    void insertClosure();
}
