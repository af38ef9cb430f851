package vn.gbv.portal.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A former name of a unit, so that a report for an earlier date names the unit as it was then. */
@Entity
@Table(name = "unit_name_history")
class UnitNameHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "unit_id")
    private Long unitId;

    private String name;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    protected UnitNameHistory() {
    }

    UnitNameHistory(long unitId, String name, LocalDate validFrom, LocalDate validTo) {
        this.unitId = unitId;
        this.name = name;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    Long getUnitId() { return unitId; }
    String getName() { return name; }
    LocalDate getValidFrom() { return validFrom; }
    LocalDate getValidTo() { return validTo; }
}
