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

    @Query("""
            select u from UserAccount u
            where :filter = '' or lower(u.username) like lower(concat('%', :filter, '%'))
               or lower(u.displayName) like lower(concat('%', :filter, '%'))
            """)
    Slice<UserAccount> search(@Param("filter") String filter, Pageable pageable);

    // Counters change in one statement so that two nodes counting failures never lose one.
    // The lock is set first: MariaDB evaluates SET assignments left to right with updated values.
    @Modifying
    @Query("""
            update UserAccount u
            set u.lockedUntil = case when u.failedAttempts + 1 >= :max then :lockUntil else u.lockedUntil end,
                u.failedAttempts = u.failedAttempts + 1
            where u.username = :username
            """)
    int recordFailure(@Param("username") String username, @Param("max") int max, @Param("lockUntil") Instant lockUntil);

    @Modifying
    @Query("update UserAccount u set u.failedAttempts = 0, u.lockedUntil = null, u.lastLoginAt = :now where u.username = :username")
    int recordSuccess(@Param("username") String username, @Param("now") Instant now);
}
