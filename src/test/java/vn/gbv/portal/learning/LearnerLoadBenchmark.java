package vn.gbv.portal.learning;

import com.vaadin.browserless.BrowserlessUIContext;
import com.vaadin.browserless.BrowserlessUserContext;
import com.vaadin.browserless.SecuredBrowserlessApplicationContext;
import com.vaadin.browserless.SpringBrowserlessApplicationContext;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import vn.gbv.portal.ShippedCourses;
import vn.gbv.portal.course.CourseCatalog;
import vn.gbv.portal.course.CourseImportService;

/**
 * Many learners at once: each simulated learner is a browserless Vaadin session with one window,
 * driven by a thread of a pool, opening lessons and answering quizzes with a few seconds of think
 * time between actions, against the embedded MariaDB with the shipped courses. Run with
 * {@code ./mvnw -Pbenchmark test -Dtest=LearnerLoadBenchmark}; tune with {@code -Dload.users=500
 * -Dload.seconds=120 -Dload.thinkMinMs=2000 -Dload.thinkMaxMs=6000}.
 * <p>
 * Browserless contexts have thread affinity: a user context is created with its session locked by
 * the creating thread (as a servlet container locks a session for the thread of a request), so a
 * learner is driven by the thread that created it, for the whole run — one pool thread per learner,
 * like one browser per learner. A pool smaller than the users would need the sessions handed from
 * thread to thread, which the browserless session lock does not allow.
 * <p>
 * Prints {@code BENCH <name> <value> <unit>} lines: server time per lesson opened (navigation to a
 * lesson, or "done, next" which marks it read and opens the next step) and per quiz action (an
 * answer saved, a submission), errors, throughput, and heap per session (used heap after GC with
 * every session alive, minus the same before any session existed, divided by the users).
 */
@SpringBootTest(properties = "vaadin.devmode.componentTracker.enabled=false")
class LearnerLoadBenchmark {

    static {
        // Development mode (tests run in it) records a stack trace for the creation and the
        // attachment of every component, for the IDE's "go to the code" — none of it exists in
        // production, where sessions are measured for. Read once per JVM, before the first component.
        System.setProperty("vaadin.devmode.componentTracker.enabled", "false");
    }

    private static final int USERS = Integer.getInteger("load.users", 500);
    private static final int SECONDS = Integer.getInteger("load.seconds", 120);
    private static final int THINK_MIN_MS = Integer.getInteger("load.thinkMinMs", 2000);
    private static final int THINK_MAX_MS = Integer.getInteger("load.thinkMaxMs", 6000);
    private static final long FIRST_ID = 800_001;

    @Autowired ApplicationContext spring;
    @Autowired CourseImportService importer;
    @Autowired CourseCatalog catalog;
    @Autowired JdbcTemplate jdbc;

    private final Samples lessonTimes = new Samples();
    private final Samples quizTimes = new Samples();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicLong actions = new AtomicLong();
    private final Set<String> errorKinds = ConcurrentHashMap.newKeySet();

    @Test
    void manyLearnersAtOnce() throws Exception {
        ShippedCourses.importAsAdministrator(importer);
        createLearners();
        List<String> courses = catalog.published().stream().map(CourseCatalog.CourseCard::code).toList();
        Set<Long> rightOptions = new HashSet<>(jdbc.queryForList("select id from quiz_option where correct", Long.class));

        try (SecuredBrowserlessApplicationContext<Authentication> app =
                     SpringBrowserlessApplicationContext.createSecured(spring, "vn.gbv.portal")) {
            warmUp(app, courses.getFirst());
            long baseline = usedHeapAfterGc();
            CountDownLatch created = new CountDownLatch(USERS);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(USERS);
            CountDownLatch measured = new CountDownLatch(1);
            long[] deadline = new long[1];
            ExecutorService pool = Executors.newFixedThreadPool(USERS);
            Object creation = new Object();
            for (int i = 0; i < USERS; i++) {
                int n = i;
                pool.submit(() -> {
                    BrowserlessUserContext user;
                    BrowserlessUIContext window;
                    // the session is locked by the thread that creates it: this thread drives it from now on
                    synchronized (creation) {
                        user = app.newUser("bench-learner-" + n, "LEARNER");
                        window = user.newWindow();
                    }
                    created.countDown();
                    try {
                        go.await();
                        new Learner(window, courses, rightOptions, n).run(deadline[0]);
                    } catch (Throwable e) {
                        error("learner " + e);
                    } finally {
                        stopped.countDown();
                    }
                    try {
                        measured.await(); // every session stays alive until the heap is measured
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    try {
                        user.close();
                    } catch (RuntimeException ignoredAtShutdown) {
                        // closing after the measurement; nothing to report
                    }
                    return null;
                });
            }
            created.await();
            long start = System.nanoTime();
            deadline[0] = start + TimeUnit.SECONDS.toNanos(SECONDS);
            go.countDown();
            stopped.await();
            double elapsed = (System.nanoTime() - start) / 1e9;
            long withSessions = usedHeapAfterGc();
            measured.countDown();
            pool.shutdown();
            pool.awaitTermination(2, TimeUnit.MINUTES);

            print("load.users", USERS, "users");
            print("load.seconds", Math.round(elapsed), "s");
            print("load.lesson.p50", lessonTimes.percentile(0.50), "ms");
            print("load.lesson.p95", lessonTimes.percentile(0.95), "ms");
            print("load.lesson.p99", lessonTimes.percentile(0.99), "ms");
            print("load.lesson.count", lessonTimes.size(), "actions");
            print("load.quiz.p50", quizTimes.percentile(0.50), "ms");
            print("load.quiz.p95", quizTimes.percentile(0.95), "ms");
            print("load.quiz.p99", quizTimes.percentile(0.99), "ms");
            print("load.quiz.count", quizTimes.size(), "actions");
            print("load.throughput", Math.round(actions.get() / elapsed * 10) / 10.0, "actions/s");
            print("load.errors", errors.get(), "count");
            print("load.session.kb", Math.round((withSessions - baseline) / 1024.0 / USERS), "kb");
            errorKinds.stream().limit(10).forEach(k -> System.out.println("load error: " + k));
        }
    }

    /**
     * One learner through a course page, a lesson and a quiz, then gone: what every session shares
     * (routes, templates, caches) exists before the heap is measured without sessions.
     */
    private void warmUp(SecuredBrowserlessApplicationContext<Authentication> app, String code) {
        try (BrowserlessUserContext user = app.newUser("bench-learner-0", "LEARNER")) {
            BrowserlessUIContext window = user.newWindow();
            window.navigate("courses/" + code, CourseView.class);
            Button go = window.find(Button.class).all().stream().filter(b -> b.hasClassName("course-go")).findFirst().orElseThrow();
            window.test(go).click();
            window.test(((LessonView) window.getCurrentView()).next).click();
            respond(window);
        }
        createLearners(); // forget the warm-up learner's progress
    }

    /** One simulated learner: course page, "start/continue", lessons one after another, quizzes answered. */
    private final class Learner {
        private final BrowserlessUIContext window;
        private final List<String> courses;
        private final Set<Long> rightOptions;
        private int course;

        Learner(BrowserlessUIContext window, List<String> courses, Set<Long> rightOptions, int n) {
            this.window = window;
            this.courses = courses;
            this.rightOptions = rightOptions;
            this.course = n % courses.size();
        }

        void run(long deadline) throws InterruptedException {
            think(0, THINK_MAX_MS); // learners arrive over the first seconds, not all in the same millisecond
            while (System.nanoTime() < deadline) {
                window.activate();
                String code = courses.get(course);
                timed(null, () -> window.navigate("courses/" + code, CourseView.class));
                think();
                Button go = window.find(Button.class).all().stream().filter(b -> b.hasClassName("course-go")).findFirst()
                        .orElse(null);
                if (go == null) {
                    error("no start button on " + code);
                    course = (course + 1) % courses.size();
                    continue;
                }
                boolean reviewing = !go.getText().equals(go.getTranslation("learning.course.continue"))
                        && !go.getText().equals(go.getTranslation("learning.course.start"));
                timed(lessonTimes, () -> window.test(go).click());
                while (System.nanoTime() < deadline && !reviewing) {
                    Component view = (Component) window.getCurrentView();
                    think();
                    if (view instanceof LessonView lesson) {
                        timed(lessonTimes, () -> window.test(lesson.next).click());
                    } else if (view instanceof QuizView quiz) {
                        if (!takeQuiz(quiz, deadline)) {
                            break;
                        }
                    } else {
                        break; // back on the course page: the course is done
                    }
                }
                course = (course + 1) % courses.size();
            }
        }

        /** Starts (or resumes) an attempt, answers each question after some thought, submits; false to leave the course. */
        private boolean takeQuiz(QuizView quiz, long deadline) throws InterruptedException {
            if (quiz.start != null && quiz.questionCards.isEmpty()) {
                if (!quiz.start.isEnabled()) {
                    return false; // no attempt left: the learner would ask a trainer
                }
                timed(null, () -> window.test(quiz.start).click());
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (RadioButtonGroup<?> group : window.find(RadioButtonGroup.class).all()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                think();
                @SuppressWarnings("unchecked")
                var radio = (RadioButtonGroup<QuizService.SheetOption>) group;
                List<QuizService.SheetOption> options = radio.getListDataView().getItems().toList();
                QuizService.SheetOption choice = random.nextInt(10) < 9
                        ? options.stream().filter(o -> rightOptions.contains(o.id())).findFirst().orElse(options.getFirst())
                        : options.get(random.nextInt(options.size()));
                timed(quizTimes, () -> radio.setValue(choice));
            }
            for (CheckboxGroup<?> group : window.find(CheckboxGroup.class).all()) {
                think();
                @SuppressWarnings("unchecked")
                var boxes = (CheckboxGroup<QuizService.SheetOption>) group;
                Set<QuizService.SheetOption> right = new HashSet<>(boxes.getListDataView().getItems()
                        .filter(o -> rightOptions.contains(o.id())).toList());
                timed(quizTimes, () -> boxes.setValue(right));
            }
            think();
            timed(quizTimes, () -> window.test(quiz.submit).click());
            if (quiz.confirmBlank != null) {
                timed(quizTimes, () -> window.test(quiz.confirmBlank).confirm());
            }
            think();
            Button next = window.find(Button.class).all().stream()
                    .filter(b -> b.getText().equals(b.getTranslation("learning.quiz.next-step"))).findFirst().orElse(null);
            if (next == null) {
                return false; // failed, or the course is complete: back to the course page
            }
            timed(lessonTimes, () -> window.test(next).click());
            return true;
        }

        private void timed(Samples samples, Runnable action) {
            window.activate();
            long start = System.nanoTime();
            try {
                action.run();
                respond(window);
                actions.incrementAndGet();
                if (samples != null) {
                    samples.add(System.nanoTime() - start);
                }
            } catch (RuntimeException | AssertionError e) {
                error(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    /**
     * What the server does to end a request after the listeners ran: collect the changes of the
     * UI's state tree and the JavaScript calls for the response. Browserless tests have no client,
     * so nothing else collects them, and a session would keep every change since it started.
     */
    private static void respond(BrowserlessUIContext window) {
        var internals = window.getUI().getInternals();
        internals.getStateTree().runExecutionsBeforeClientResponse();
        internals.getStateTree().collectChanges(change -> { });
        internals.dumpPendingJavaScriptInvocations();
    }

    private void error(String kind) {
        errors.incrementAndGet();
        errorKinds.add(kind.length() > 300 ? kind.substring(0, 300) : kind);
    }

    private static void think() throws InterruptedException {
        think(THINK_MIN_MS, THINK_MAX_MS);
    }

    private static void think(int minMs, int maxMs) throws InterruptedException {
        Thread.sleep(ThreadLocalRandom.current().nextInt(minMs, maxMs + 1));
    }

    /** Learner accounts bench-learner-0 … with people of their own, starting from nothing. */
    private void createLearners() {
        long last = FIRST_ID + USERS - 1;
        jdbc.update("delete from quiz_answer where attempt_id in (select id from quiz_attempt where person_id between ? and ?)",
                FIRST_ID, last);
        jdbc.update("delete from quiz_attempt_question where attempt_id in (select id from quiz_attempt where person_id between ? and ?)",
                FIRST_ID, last);
        for (String table : List.of("quiz_attempt", "quiz_attempt_grant", "lesson_progress", "course_progress")) {
            jdbc.update("delete from " + table + " where person_id between ? and ?", FIRST_ID, last);
        }
        jdbc.update("delete from completion_revocation where completion_id in (select id from completion where person_id between ? and ?)",
                FIRST_ID, last);
        jdbc.update("delete from completion where person_id between ? and ? order by id desc", FIRST_ID, last);
        List<Object[]> people = new ArrayList<>();
        List<Object[]> accounts = new ArrayList<>();
        List<Object[]> roles = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            long id = FIRST_ID + i;
            people.add(new Object[] {id, "Học viên thử tải " + i, i % 2 == 0 ? "F" : "M", 1970 + i % 30});
            accounts.add(new Object[] {id, "bench-learner-" + i, "{noop}Bench-pass1", id, "Học viên thử tải " + i});
            roles.add(new Object[] {id});
        }
        jdbc.batchUpdate("insert ignore into person (id, full_name, sex, birth_year) values (?, ?, ?, ?)", people);
        jdbc.batchUpdate("""
                insert ignore into app_user (id, username, password_hash, person_id, display_name, must_change_password)
                values (?, ?, ?, ?, ?, false)""", accounts);
        jdbc.batchUpdate("insert ignore into user_role (user_id, role) values (?, 'LEARNER')", roles);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void print(String name, Object value, String unit) {
        System.out.println("BENCH " + name + " " + value + " " + unit);
    }

    /** Durations in nanoseconds, kept as primitives (boxed samples would be counted as session heap). */
    private static final class Samples {
        private long[] values = new long[1 << 14];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized int size() {
            return size;
        }

        synchronized double percentile(double q) {
            if (size == 0) {
                return 0;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            long nanos = sorted[(int) Math.min(size - 1, Math.ceil(q * size) - 1)];
            return Math.round(nanos / 1e5) / 10.0;
        }
    }
}
