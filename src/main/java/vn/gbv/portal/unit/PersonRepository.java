package vn.gbv.portal.unit;

import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<Person, Long> {

    boolean existsByNationalIdAndIdNot(String nationalId, long id);

    boolean existsByNationalId(String nationalId);
}
