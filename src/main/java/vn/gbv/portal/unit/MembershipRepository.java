package vn.gbv.portal.unit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MembershipRepository extends JpaRepository<Membership, Long> {

    Optional<Membership> findByPersonIdAndValidToIsNull(long personId);

    long countByUnitIdAndValidToIsNull(long unitId);

    boolean existsByUnitIdAndValidToIsNullAndValidFromGreaterThanEqual(long unitId, LocalDate date);

    @Query("select m.id from Membership m where m.unitId = :unit and m.validTo is null")
    List<Long> currentIds(@Param("unit") long unitId);

    /**
     * A merge: each of these (just closed) rows gets an identical open row in the successor from
     * the date. Run after the rows are closed, as a person may have only one open row.
     */
    @Modifying(flushAutomatically = true)
    @Query(value = """
            insert into membership (person_id, unit_id, category, position, in_target, valid_from)
            select m.person_id, :successor, m.category, m.position, m.in_target, :from
            from membership m where m.id in (:ids)
            """, nativeQuery = true)
    int copyTo(@Param("ids") List<Long> membershipIds, @Param("successor") long successorId,
               @Param("from") LocalDate from);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update Membership m set m.validTo = :on where m.unitId = :unit and m.validTo is null")
    int closeCurrent(@Param("unit") long unitId, @Param("on") LocalDate on);
}
