package vn.gbv.portal.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** "Unit is below parent over [validFrom, validTo)": a move closes one link and opens another. */
@Entity
@Table(name = "unit_parent")
class UnitParent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id")
    private Long unitId;

    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected UnitParent() {
    }

    UnitParent(long unitId, long parentId, LocalDate validFrom) {
        this.unitId = unitId;
        this.parentId = parentId;
        this.validFrom = validFrom;
    }

    Long getUnitId() { return unitId; }
    Long getParentId() { return parentId; }
    LocalDate getValidFrom() { return validFrom; }
    LocalDate getValidTo() { return validTo; }

    void close(LocalDate on) {
        this.validTo = on;
    }
}
