package vn.gbv.portal.certificate;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.gbv.portal.TestLearners;

/**
 * Small data for certificate tests, on top of sql/test-accounts.sql (ward A 9002 and ward B 9003
 * under the city 9001; t-manager manages ward A): two courses, one per group of the rule
 * "trained", and two more people, one in each ward. Completions are inserted as rows.
 */
public final class CertificateFixture {

    public static final long KNOWLEDGE_COURSE = 9501;
    public static final long IN_DEPTH_COURSE = 9502;
    public static final long LEARNER = TestLearners.LEARNER_PERSON_ID; // t-learner, ward A
    public static final long MANAGER_PERSON = 9103;                    // t-manager, ward A
    public static final long ANH_WARD_A = 9511;                        // Đặng Thị Ngọc Ánh, ward A
    public static final long VIET_WARD_B = 9512;                       // Trần Đức Việt, ward B
    static final List<Long> PEOPLE = List.of(LEARNER, MANAGER_PERSON, ANH_WARD_A, VIET_WARD_B);

    private CertificateFixture() {
    }

    public static void load(JdbcTemplate jdbc) {
        jdbc.update("insert ignore into course (id, code) values (?, 't-cert-knowledge'), (?, 't-cert-in-depth')",
                KNOWLEDGE_COURSE, IN_DEPTH_COURSE);
        jdbc.update("""
                insert ignore into course_version (id, course_id, version_no, content_hash, title, summary, topic,
                    estimated_minutes, source)
                values (?, ?, 1, repeat('a', 64), 'Khóa thử nghiệm về bạo lực trên cơ sở giới', 'Tóm tắt', 'basics', 150, 'PORTAL'),
                       (?, ?, 1, repeat('b', 64), 'Hỗ trợ pháp lý cho người bị bạo lực', 'Tóm tắt', 'legal', 90, 'PORTAL')
                """, KNOWLEDGE_COURSE, KNOWLEDGE_COURSE, IN_DEPTH_COURSE, IN_DEPTH_COURSE);
        jdbc.update("update course set current_version_id = id where id in (?, ?)", KNOWLEDGE_COURSE, IN_DEPTH_COURSE);
        jdbc.update("insert ignore into course_group (course_id, group_code) values (?, 'knowledge'), (?, 'in-depth')",
                KNOWLEDGE_COURSE, IN_DEPTH_COURSE);
        jdbc.update("""
                insert ignore into person (id, full_name, sex, birth_year) values
                 (?, 'Đặng Thị Ngọc Ánh', 'F', 1992), (?, 'Trần Đức Việt', 'M', 1988)
                """, ANH_WARD_A, VIET_WARD_B);
        jdbc.update("""
                insert ignore into membership (id, person_id, unit_id, category, in_target, valid_from) values
                 (?, ?, 9002, 'CONG_TAC_VIEN', true, '2025-07-01'), (?, ?, 9003, 'CONG_TAC_VIEN', true, '2025-07-01')
                """, ANH_WARD_A, ANH_WARD_A, VIET_WARD_B, VIET_WARD_B);
        PEOPLE.forEach(p -> TestLearners.forgetProgress(jdbc, p));
    }

    /** An online completion of the course's first version, as the learning code would record it. */
    public static long complete(JdbcTemplate jdbc, long personId, long courseId, LocalDate on) {
        jdbc.update("""
                insert into completion (person_id, course_id, course_version_id, completed_on, score_percent, source, recorded_by)
                values (?, ?, ?, ?, 90, 'ONLINE', 'test')
                """, personId, courseId, courseId, on);
        return jdbc.queryForObject("select max(id) from completion where person_id = ? and course_id = ?", Long.class,
                personId, courseId);
    }

    public static <T> T as(String username, String role, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "n/a",
                List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void as(String username, String role, Runnable work) {
        as(username, role, () -> {
            work.run();
            return null;
        });
    }
}
