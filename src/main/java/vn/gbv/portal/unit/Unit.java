package vn.gbv.portal.unit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A node of the unit tree, valid over [validFrom, validTo); its parent links are {@link UnitParent} rows. */
@Entity
@Table(name = "unit")
class Unit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    private UnitType type;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "successor_id")
    private Long successorId;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Unit() {
    }

    Unit(String code, String name, UnitType type, LocalDate validFrom) {
        this.code = code;
        this.name = name;
        this.type = type;
        this.validFrom = validFrom;
    }

    Long getId() { return id; }
    String getCode() { return code; }
    String getName() { return name; }
    UnitType getType() { return type; }
    LocalDate getValidFrom() { return validFrom; }
    LocalDate getValidTo() { return validTo; }
    Long getSuccessorId() { return successorId; }

    boolean isOpen() {
        return validTo == null;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void close(LocalDate on, Long successor) {
        this.validTo = on;
        this.successorId = successor;
    }
}
