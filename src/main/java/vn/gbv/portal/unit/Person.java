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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A member of staff; where they work, and as what, is in their dated {@link Membership} rows. */
@Entity
@Table(name = "person")
class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "full_name")
    private String fullName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.CHAR)
    private Sex sex;

    @Column(name = "birth_year", columnDefinition = "smallint")
    private Integer birthYear;

    private String phone;

    private String email;

    @Column(name = "national_id", columnDefinition = "char(12)")
    private String nationalId;

    @Column(name = "staff_code")
    private String staffCode;

    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Person() {
    }

    Person(PersonService.PersonalDetails details) {
        update(details);
    }

    Long getId() { return id; }
    String getFullName() { return fullName; }
    Sex getSex() { return sex; }
    Integer getBirthYear() { return birthYear; }
    String getPhone() { return phone; }
    String getEmail() { return email; }
    String getNationalId() { return nationalId; }
    String getStaffCode() { return staffCode; }
    long getVersion() { return version; }

    void update(PersonService.PersonalDetails details) {
        this.fullName = details.fullName();
        this.sex = details.sex();
        this.birthYear = details.birthYear();
        this.phone = details.phone();
        this.email = details.email();
        this.nationalId = details.nationalId();
        this.staffCode = details.staffCode();
    }
}
