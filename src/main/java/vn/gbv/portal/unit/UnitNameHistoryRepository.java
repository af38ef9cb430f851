package vn.gbv.portal.unit;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface UnitNameHistoryRepository extends JpaRepository<UnitNameHistory, Long> {

    /** The most recent former name: the current name has been in use since its end. */
    Optional<UnitNameHistory> findTopByUnitIdOrderByValidToDesc(long unitId);
}
