package vn.gbv.portal.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.TestClock;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.classroom.ClassService.NewSession;
import vn.gbv.portal.security.Role;
import vn.gbv.portal.unit.UnitService;

/**
 * QR check-in: a valid code marks an enrolled learner present once; an expired code, a code moved to
 * another session, a forged one, and a code for someone not enrolled are refused, each with its
 * own message. The signing key is random and kept in the database, not in the code.
 */
@SpringBootTest
@Transactional
class CheckInTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired UnitService units;
    @Autowired ClassService classes;
    @Autowired CheckInService checkIns;
    @Autowired TestClock clock;

    ClassTestData data;
    long classId;
    long morning;
    long afternoon;
    long enrolled;
    String learner;
    String outsider;

    @BeforeEach
    void aClassToday() {
        data = new ClassTestData(jdbc, units);
        enrolled = data.person("Nguyễn Thị Học", data.ward);
        learner = data.learner(enrolled);
        outsider = data.learner(data.person("Trần Văn Ngoài", data.ward));
        LocalDate today = LocalDate.now(clock);
        classId = ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.create(new ClassService.NewClass(
                "Lớp hôm nay " + data.run, data.knowledge, data.ward, 10, null,
                List.of(new NewSession(today, LocalTime.of(0, 0), LocalTime.of(11, 59), "Phòng họp 1"),
                        new NewSession(today, LocalTime.of(12, 0), LocalTime.of(23, 59), "Phòng họp 1")), Set.of())));
        var sessions = ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.detail(classId)).sessions();
        morning = sessions.get(0).id();
        afternoon = sessions.get(1).id();
        ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.enrol(classId, List.of(enrolled)));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private CheckInService.CheckInCode code(long session) {
        return ClassTestData.as(data.trainer, Role.TRAINER, () -> checkIns.currentCode(session));
    }

    private CheckInService.CheckedIn checkIn(String username, String token) {
        return ClassTestData.as(username, Role.LEARNER, () -> checkIns.checkIn(token));
    }

    private java.util.Set<Integer> attended() {
        return ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.attendance(classId)).getFirst().attended();
    }

    @Test
    void aValidCodeMarksTheEnrolledLearnerPresentOnceAtItsSessionOnly() {
        CheckInService.CheckInCode code = code(morning);
        assertThat(code.url()).endsWith("/checkin/" + code.token());
        assertThat(code.expiresAt()).isBetween(clock.instant().plusSeconds(170), clock.instant().plusSeconds(181));

        CheckInService.CheckedIn first = checkIn(learner, code.token());
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.alreadyPresent()).isFalse();
        assertThat(attended()).containsExactly(1);
        // idempotent: the same code again changes nothing
        assertThat(checkIn(learner, code.token()).alreadyPresent()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from class_attendance where person_id = ?", Integer.class, enrolled)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select how from class_attendance where person_id = ?", String.class, enrolled)).isEqualTo("QR");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'class.checkin' and entity_id = ?",
                Integer.class, String.valueOf(classId))).isEqualTo(1);
    }

    @Test
    void anExpiredCodeIsRefused() {
        String token = code(morning).token();
        clock.advance(Duration.ofSeconds(181));
        assertThatThrownBy(() -> checkIn(learner, token)).isInstanceOf(RefusedException.class).hasMessage("checkin.error.expired");
        assertThat(attended()).isEmpty();
    }

    @Test
    void aCodeReplayedForAnotherSessionIsRefused() {
        String token = code(morning).token();
        // the same signature presented as the afternoon's code
        String moved = afternoon + token.substring(token.indexOf('.'));
        assertThatThrownBy(() -> checkIn(learner, moved)).isInstanceOf(RefusedException.class).hasMessage("checkin.error.invalid");
        // a code of another class's session: valid for that session only, and this learner is not in that class
        long otherClass = ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.create(new ClassService.NewClass(
                "Lớp khác " + data.run, data.knowledge, data.ward, 10, null,
                List.of(new NewSession(LocalDate.now(clock), LocalTime.of(0, 0), LocalTime.of(23, 59), "Phòng 2")), Set.of())));
        long otherSession = ClassTestData.as(data.trainer, Role.TRAINER, () -> classes.detail(otherClass)).sessions().getFirst().id();
        assertThatThrownBy(() -> checkIn(learner, code(otherSession).token())).hasMessage("checkin.error.not-enrolled");
        assertThat(attended()).isEmpty();
    }

    @Test
    void forgedCodesAreRefused() {
        String token = code(morning).token();
        long expiry = Long.parseLong(token.split("\\.")[1]);
        String longer = morning + "." + (expiry + 3600) + token.substring(token.lastIndexOf('.'));
        byte[] otherKey = new byte[32];
        String signedElsewhere = morning + "." + expiry + "." + hmac(otherKey, morning + "." + expiry);
        for (String forged : List.of(longer, signedElsewhere, "abc", morning + "." + expiry, "", token + "x")) {
            assertThatThrownBy(() -> checkIn(learner, forged)).as(forged)
                    .isInstanceOf(RefusedException.class).hasMessage("checkin.error.invalid");
        }
        assertThat(attended()).isEmpty();
    }

    @Test
    void someoneNotEnrolledIsRefusedAndTheKeyIsARandomOneKeptInTheDatabase() {
        String token = code(morning).token();
        assertThatThrownBy(() -> checkIn(outsider, token)).hasMessage("checkin.error.not-enrolled");
        String key = jdbc.queryForObject("select value from app_setting where name = 'checkin_hmac_key' lock in share mode", String.class);
        assertThat(Base64.getDecoder().decode(key)).hasSize(32);
        assertThat(token.split("\\.")[2]).isEqualTo(hmac(Base64.getDecoder().decode(key), token.substring(0, token.lastIndexOf('.'))));
    }

    private static String hmac(byte[] key, String payload) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
