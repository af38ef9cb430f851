package vn.gbv.portal.classroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gbv.portal.audit.AuditLog;
import vn.gbv.portal.base.RefusedException;
import vn.gbv.portal.classroom.ClassQueries.ClassRow;
import vn.gbv.portal.classroom.ClassQueries.SessionRef;
import vn.gbv.portal.security.CurrentUser;
import vn.gbv.portal.security.Role;

/**
 * QR self check-in. The class screen shows a code for one session that expires within minutes and
 * is replaced on screen before it does; a learner who opens its link signed in on their phone is
 * marked present at that session, once, if they are enrolled. Anything else (a code edited to name
 * another session, a forged or expired code, a code of a closed class or of another day) is refused
 * with its own message.
 */
@Service
public class CheckInService {

    private final CheckInCodes codes;
    private final ClassQueries queries;
    private final ClassService classes;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final String publicUrl;
    private final Duration validity;

    CheckInService(CheckInCodes codes, ClassQueries queries, ClassService classes, CurrentUser currentUser, AuditLog audit,
                   Clock clock, @Value("${portal.public-url:http://localhost:8080}") String publicUrl,
                   @Value("${portal.classes.checkin-valid-seconds:180}") long validSeconds) {
        this.codes = codes;
        this.queries = queries;
        this.classes = classes;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.validity = Duration.ofSeconds(validSeconds);
    }

    /** The code a class screen shows: the link it holds and when it stops working. */
    public record CheckInCode(long sessionId, String token, String url, Instant expiresAt) {
    }

    /** A learner's check-in: the class, the session, and whether they had already checked in. */
    public record CheckedIn(String classTitle, int seq, LocalDate date, String place, boolean alreadyPresent) {
    }

    /** A fresh code for a session of a class the caller runs, valid for a few minutes, on the session's day only. */
    @PreAuthorize("hasAnyRole('" + Role.Names.TRAINER + "','" + Role.Names.UNIT_MANAGER + "','" + Role.Names.ADMIN + "')")
    @Transactional
    public CheckInCode currentCode(long sessionId) {
        SessionRef s = queries.session(sessionId).orElseThrow(() -> RefusedException.of("classes.error.unknown-session", String.valueOf(sessionId)));
        ClassService.ClassDetail c = classes.detail(s.classId()); // checks the caller runs the class
        if (c.closed()) {
            throw RefusedException.of("classes.error.closed");
        }
        if (!s.date().equals(LocalDate.now(clock))) {
            throw RefusedException.of("checkin.error.not-today", s.date());
        }
        Instant expires = clock.instant().plus(validity);
        String token = codes.sign(sessionId, expires);
        return new CheckInCode(sessionId, token, publicUrl + "/checkin/" + token, expires);
    }

    /** Marks the signed-in learner present at the code's session. Idempotent. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public CheckedIn checkIn(String token) {
        CheckInCodes.Verified code = codes.verify(token).orElseThrow(() -> RefusedException.of("checkin.error.invalid"));
        if (!clock.instant().isBefore(code.expiresAt())) {
            throw RefusedException.of("checkin.error.expired");
        }
        SessionRef s = queries.session(code.sessionId()).orElseThrow(() -> RefusedException.of("checkin.error.invalid"));
        ClassRow c = queries.classRow(s.classId(), false).orElseThrow(() -> RefusedException.of("checkin.error.invalid"));
        if (c.status() == ClassService.Status.CLOSED) {
            throw RefusedException.of("checkin.error.closed", c.title());
        }
        if (!s.date().equals(LocalDate.now(clock))) {
            throw RefusedException.of("checkin.error.not-today", s.date());
        }
        String username = currentUser.require().username();
        long person = queries.personOfAccount(username).orElseThrow(() -> RefusedException.of("checkin.error.no-person"));
        if (queries.enrolmentOf(c.id(), person).orElse(null) != ClassService.EnrolmentStatus.ENROLLED) {
            throw RefusedException.of("checkin.error.not-enrolled", c.title());
        }
        boolean inserted = queries.insertAttendance(s.id(), person, "QR", clock.instant(), username);
        if (inserted) {
            audit.record("class.checkin", AuditLog.Entity.CLASS, c.id(), c.title(), null,
                    queries.personName(person) + ", buổi " + s.seq() + ": có mặt (QR)");
        }
        String place = queries.sessions(c.id()).stream().filter(x -> x.id() == s.id()).findFirst()
                .map(ClassService.Session::place).orElse("");
        return new CheckedIn(c.title(), s.seq(), s.date(), place, !inserted);
    }
}
