package vn.gbv.portal.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's unit, staff category, position and target-population flag over [validFrom, validTo).
 * A change closes the row and opens a new one; rows are never rewritten, so coverage at an
 * earlier date still counts the person where they were then (DESIGN-NOTES, "membership with validity").
 */
@Entity
@Table(name = "membership")
class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "unit_id")
    private Long unitId;

    @Enumerated(EnumType.STRING)
    private StaffCategory category;

    private String position;

    @Column(name = "in_target")
    private boolean inTarget;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    protected Membership() {
    }

    Membership(long personId, PersonService.MembershipTerms terms, LocalDate validFrom) {
        this.personId = personId;
        this.unitId = terms.unitId();
        this.category = terms.category();
        this.position = terms.position();
        this.inTarget = terms.inTarget();
        this.validFrom = validFrom;
    }

    Long getId() { return id; }
    Long getPersonId() { return personId; }
    Long getUnitId() { return unitId; }
    StaffCategory getCategory() { return category; }
    String getPosition() { return position; }
    boolean isInTarget() { return inTarget; }
    LocalDate getValidFrom() { return validFrom; }
    LocalDate getValidTo() { return validTo; }

    PersonService.MembershipTerms terms() {
        return new PersonService.MembershipTerms(unitId, category, position, inTarget);
    }

    void close(LocalDate on) {
        this.validTo = on;
    }
}
