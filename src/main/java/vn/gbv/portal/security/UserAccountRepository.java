package vn.gbv.portal.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByPersonId(Long personId);

    @Query("""
            select u from UserAccount u
            where :filter = '' or lower(u.username) like lower(concat('%', :filter, '%'))
               or lower(u.displayName) like lower(concat('%', :filter, '%'))
            """)
    Slice<UserAccount> search(@Param("filter") String filter, Pageable pageable);

    // Counters change in one statement so that two nodes counting failures never lose one. MariaDB
    // assigns left to right with updated values: the counter first (from the old lock: a lock that
    // has expired starts the count again), then the lock from the new counter.
    @Modifying
    @Query("""
            update UserAccount u
            set u.failedAttempts = case when u.lockedUntil is not null and u.lockedUntil <= :now then 1
                                        else u.failedAttempts + 1 end,
                u.lockedUntil = case when u.failedAttempts >= :max then :lockUntil
                                     when u.lockedUntil <= :now then null
                                     else u.lockedUntil end
            where u.username = :username
            """)
    int recordFailure(@Param("username") String username, @Param("max") int max, @Param("now") Instant now,
                      @Param("lockUntil") Instant lockUntil);

    @Modifying
    @Query("update UserAccount u set u.failedAttempts = 0, u.lockedUntil = null, u.lastLoginAt = :now where u.username = :username")
    int recordSuccess(@Param("username") String username, @Param("now") Instant now);
}
